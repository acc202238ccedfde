package io.auditflow.audit.ui;

import io.auditflow.common.Formats;
import io.auditflow.common.Labels;
import io.auditflow.common.Messages;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the audit trail page words an entry for a reader. The trail stores codes and the hash chain
 * covers them as stored, so nothing stored changes: an action code is shown with its
 * {@code audit.action.<CODE>} words (a code without words, such as one a test wrote, as it is), and a
 * milestone entry's details ({@code MANAGEMENT_REVIEW cycle 1: planned 2027-01-15}, as
 * {@code lifecycle.MilestoneService} writes them) with the milestone's and status's labels and the
 * reader's date. Other details are shown as stored. The API and the CSV keep the codes (decision 0152).
 */
final class AuditWords {

    static final String ACTION_KEY = "audit.action.";

    private static final Pattern MILESTONE = Pattern.compile("([A-Z][A-Z0-9_]*) cycle (\\d+): (.*)", Pattern.DOTALL);
    private static final Pattern DATED = Pattern.compile("(planned again|planned|done) (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern STATUS = Pattern.compile("([A-Z_]+|null) -> ([A-Z_]+)");

    private AuditWords() {
    }

    /** "Signed in" for {@code SIGN_IN}; an unknown code as it is. */
    static String action(String code, Locale locale) {
        return code == null ? "" : Messages.find(ACTION_KEY + code, locale).orElse(code);
    }

    static String details(String action, String details, Locale locale) {
        if (details == null) {
            return "";
        }
        if (action == null || !action.startsWith("MILESTONE_")) {
            return details;
        }
        Matcher m = MILESTONE.matcher(details);
        if (!m.matches()) {
            return details;
        }
        MilestoneType type = constant(MilestoneType.class, m.group(1));
        if (type == null) {
            return details;
        }
        String what = Labels.of(type, locale);
        String cycle = m.group(2);
        String rest = m.group(3);
        Matcher dated = DATED.matcher(rest);
        if (dated.matches()) {
            LocalDate day = day(dated.group(2));
            if (day != null) {
                String key = switch (dated.group(1)) {
                    case "planned" -> "audit.milestone.planned";
                    case "planned again" -> "audit.milestone.plannedAgain";
                    default -> "audit.milestone.done";
                };
                return Messages.get(key, locale, what, cycle, Formats.date(day, locale));
            }
        }
        Matcher status = STATUS.matcher(rest);
        if (status.matches()) {
            MilestoneStatus from = constant(MilestoneStatus.class, status.group(1));
            MilestoneStatus to = constant(MilestoneStatus.class, status.group(2));
            if (to != null) {
                return Messages.get("audit.milestone.status", locale, what, cycle,
                        from == null ? "—" : Labels.of(from, locale), Labels.of(to, locale));
            }
        }
        return Messages.get("audit.milestone", locale, what, cycle, rest);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate day(String iso) {
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
