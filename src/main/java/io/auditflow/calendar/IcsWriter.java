package io.auditflow.calendar;

import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.program.Program;
import io.auditflow.timeline.TaskDeadlines;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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

    IcsWriter(String baseUrl, Instant stamp, String name) {
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
        String summary = program.name() + ": " + m.getType().label() + (m.getCycle() > 1 ? " (cycle " + m.getCycle() + ")" : "");
        if (m.getStatus() == MilestoneStatus.MISSED) {
            summary = "MISSED - " + summary;
        }
        StringBuilder description = new StringBuilder(program.framework().label()).append(" · ")
                .append(status(m.getStatus()));
        if (m.getPlannedDate() != null) {
            description.append("\nPlanned ").append(m.getPlannedDate());
        }
        if (m.getActualDate() != null) {
            description.append("\nDone ").append(m.getActualDate());
        }
        if (m.getNote() != null && !m.getNote().isBlank()) {
            description.append('\n').append(m.getNote());
        }
        add(day, "milestone-" + program.id() + "-" + m.getType().name().toLowerCase(java.util.Locale.ROOT) + "-" + m.getCycle(),
                summary, description.toString(), baseUrl + "programs/" + program.id());
    }

    void task(TaskDeadlines.DueTask task, Program program) {
        String summary = (program == null ? "" : program.name() + ": ") + task.name() + " (task due)";
        add(task.due(), "task-" + task.taskId(), summary, "Task due " + task.due(),
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

    String write() {
        return calendar.toString();
    }

    private static String status(MilestoneStatus s) {
        return switch (s) {
            case DONE -> "Done";
            case PLANNED -> "Planned";
            case AT_RISK -> "At risk";
            case MISSED -> "Missed";
        };
    }
}
