package io.auditflow.calendar;

import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.program.Program;
import io.auditflow.timeline.TaskDeadlines;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import net.fortuna.ical4j.data.CalendarOutputter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import io.auditflow.common.Formats;
import io.auditflow.common.Labels;
import io.auditflow.common.Messages;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Builds one RFC 5545 calendar of all-day events. UIDs are stable (program, milestone type, cycle;
 * or task id), so a moved date updates the event in people's calendars instead of duplicating it.
 */
class IcsWriter {

    static final String UID_DOMAIN = "@auditflow";

    private final Calendar calendar = new Calendar();
    private final String baseUrl;
    private final Instant stamp;
    private final Locale locale;

    IcsWriter(String baseUrl, Instant stamp, String name, Locale locale) {
        this.locale = locale;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.stamp = stamp;
        calendar.add(new ProdId("-//Auditflow//Audit calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new XProperty("X-WR-CALNAME", name));
    }

    void milestone(Program program, Milestone m) {
        LocalDate day = m.getActualDate() != null ? m.getActualDate() : m.getPlannedDate();
        if (day == null) {
            return;
        }
        String summary = program.name() + ": " + Labels.of(m.getType(), locale)
                + (m.getCycle() > 1 ? " " + Messages.get("ics.cycle", locale, m.getCycle()) : "");
        if (m.getStatus() == MilestoneStatus.MISSED) {
            summary = Messages.get("ics.missed", locale) + " - " + summary;
        }
        StringBuilder description = new StringBuilder(Labels.of(program.framework(), locale)).append(" · ")
                .append(Labels.of(m.getStatus(), locale));
        if (m.getPlannedDate() != null) {
            description.append('\n').append(Messages.get("ics.planned", locale, Formats.date(m.getPlannedDate(), locale)));
        }
        if (m.getActualDate() != null) {
            description.append('\n').append(Messages.get("ics.done", locale, Formats.date(m.getActualDate(), locale)));
        }
        if (m.getNote() != null && !m.getNote().isBlank()) {
            description.append('\n').append(m.getNote());
        }
        add(day, "milestone-" + program.id() + "-" + m.getType().name().toLowerCase(java.util.Locale.ROOT) + "-" + m.getCycle(),
                summary, description.toString(), baseUrl + "programs/" + program.id());
    }

    void task(TaskDeadlines.DueTask task, Program program) {
        String summary = (program == null ? "" : program.name() + ": ") + task.name() + " " + Messages.get("ics.taskDue", locale);
        add(task.due(), "task-" + task.taskId(), summary, Messages.get("ics.taskDueOn", locale, Formats.date(task.due(), locale)),
                program == null ? baseUrl : baseUrl + "programs/" + program.id());
    }

    private void add(LocalDate day, String uid, String summary, String description, String url) {
        VEvent event = new VEvent(day, day.plusDays(1), summary);
        event.replace(new DtStamp(stamp));
        event.add(new Uid(uid + UID_DOMAIN));
        event.add(new Description(description));
        event.add(new Url(URI.create(url)));
        calendar.add(event);
    }

    /**
     * RFC 5545 text with folded lines. ical4j's CalendarOutputter folds at 73 characters; it counts
     * characters, not octets, so a line with umlauts or a "·" can still pass 75 octets: such a
     * physical line is split once more at a character boundary (decision 0095).
     */
    String write() {
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return foldOctets(out.toString());
    }

    static final int MAX_OCTETS = 75;

    /** Splits every physical line longer than 75 UTF-8 octets; a continuation line starts with one space. */
    static String foldOctets(String text) {
        StringBuilder result = new StringBuilder(text.length() + 64);
        for (String line : text.split("\r\n", -1)) {
            if (!result.isEmpty()) {
                result.append("\r\n");
            }
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (octets + size > MAX_OCTETS) {
                    result.append("\r\n ");
                    octets = 1;
                }
                result.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
        }
        return result.toString();
    }
}
