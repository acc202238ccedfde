package io.auditflow.reminder;

import io.auditflow.common.AuditflowProperties;
import io.auditflow.identity.UserSummary;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.mail.OutgoingMail;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** Writes reminder mails in plain words, as plain text and HTML, with a link straight to the thing. */
@Component
class ReminderMails {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final String baseUrl;

    ReminderMails(AuditflowProperties properties) {
        String url = properties.baseUrl();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    String programLink(Long programId) {
        return baseUrl + "/programs/" + programId;
    }

    String taskLink(String taskId) {
        return baseUrl + "/inbox/task/" + taskId;
    }

    String preferencesLink() {
        return baseUrl + "/preferences/notifications";
    }

    OutgoingMail audit(String key, UserSummary to, String programName, Long programId, long milestoneId,
                       MilestoneType type, LocalDate date, long daysLeft) {
        String when = daysLeft == 1 ? "tomorrow" : "in " + daysLeft + " days";
        String subject = type.label() + " " + when + ": " + programName;
        String lead = type.label() + " for " + programName + " is on " + DAY.format(date) + ", " + when + ".";
        String link = programLink(programId);
        String ics = calendar("auditflow-milestone-" + milestoneId + "@auditflow", date,
                type.label() + ": " + programName, lead, link);
        return mail(key, "AUDIT_REMINDER", to, subject, java.util.Arrays.asList(lead, hint(type)), "Open the program", link,
                "You get this mail because you own this program or work on its team.", ics);
    }

    OutgoingMail taskBefore(String key, UserSummary to, TaskInfo task, long daysLeft) {
        String when = daysLeft == 1 ? "tomorrow" : "in " + daysLeft + " days";
        String subject = "Due " + when + ": " + task.name() + " (" + task.programName() + ")";
        String lead = "The task \"" + task.name() + "\" of " + task.programName() + " is due " + when + ", on "
                + DAY.format(task.due()) + ".";
        return mail(key, "TASK_REMINDER", to, subject, java.util.Arrays.asList(lead, whoFor(task, to)), "Open the task",
                taskLink(task.id()), "You get this mail because the task is yours or your team's.", null);
    }

    OutgoingMail taskDue(String key, UserSummary to, TaskInfo task) {
        String subject = "Due today: " + task.name() + " (" + task.programName() + ")";
        String lead = "The task \"" + task.name() + "\" of " + task.programName() + " is due today, "
                + DAY.format(task.due()) + ".";
        return mail(key, "TASK_REMINDER", to, subject, List.of(lead, whoFor(task, to)), "Open the task",
                taskLink(task.id()), "You get this mail because the task is yours or your team's.", null);
    }

    OutgoingMail escalation(String key, UserSummary to, TaskInfo task, int step, long daysOverdue) {
        String overdue = daysOverdue == 1 ? "1 day" : daysOverdue + " days";
        String subject = switch (step) {
            case 1 -> "Overdue: " + task.name() + " (" + task.programName() + ")";
            case 2 -> "Overdue " + overdue + " in your team: " + task.name() + " (" + task.programName() + ")";
            default -> "Escalation, overdue " + overdue + ": " + task.name() + " (" + task.programName() + ")";
        };
        String lead = "The task \"" + task.name() + "\" of " + task.programName() + " was due on " + DAY.format(task.due())
                + " and is now " + overdue + " overdue.";
        String who = task.assignee() == null ? "Nobody has taken it yet; it waits for team " + task.teamCode() + "."
                : "It is assigned to " + task.assignee() + ".";
        String ask = switch (step) {
            case 1 -> "Please finish it or tell your manager what is in the way.";
            case 2 -> "You get this because you manage team " + task.teamCode() + ". Please help to get it done.";
            default -> "You get this as an executive because the task is still open after its manager was told.";
        };
        return mail(key, "ESCALATION", to, subject, List.of(lead, who, ask), "Open the task", taskLink(task.id()),
                "Escalations of overdue tasks cannot be switched off.", null);
    }

    OutgoingMail digest(String key, UserSummary to, LocalDate day, List<String> dueThisWeek, List<String> overdue,
                        List<String> audits, String inboxLink) {
        StringBuilder text = new StringBuilder("Hello " + to.displayName() + ",\n\nYour Auditflow digest for "
                + DAY.format(day) + ".\n");
        StringBuilder html = new StringBuilder("<p>Hello " + esc(to.displayName()) + ",</p><p>Your Auditflow digest for "
                + esc(DAY.format(day)) + ".</p>");
        section(text, html, "Overdue", overdue);
        section(text, html, "Due this week", dueThisWeek);
        section(text, html, "Upcoming audits", audits);
        text.append("\nOpen your tasks: ").append(inboxLink).append("\n");
        html.append("<p><a href=\"").append(esc(inboxLink)).append("\">Open your tasks</a></p>");
        footer(text, html, "You get one digest a day because you chose it on your notification preferences.");
        int n = dueThisWeek.size() + overdue.size() + audits.size();
        String subject = "Your Auditflow digest: " + overdue.size() + " overdue, " + dueThisWeek.size()
                + " due this week, " + audits.size() + " upcoming " + (audits.size() == 1 ? "audit" : "audits");
        return new OutgoingMail(key, "DIGEST", to.username(), to.email(), n == 0 ? subject : subject, text.toString(),
                wrap(html.toString()), null, inboxLink);
    }

    private static void section(StringBuilder text, StringBuilder html, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        text.append("\n").append(title).append(":\n");
        html.append("<h3>").append(esc(title)).append("</h3><ul>");
        for (String line : lines) {
            text.append("  - ").append(line).append("\n");
            html.append("<li>").append(esc(line)).append("</li>");
        }
        html.append("</ul>");
    }

    private OutgoingMail mail(String key, String category, UserSummary to, String subject, List<String> paragraphs,
                              String action, String link, String why, String ics) {
        StringBuilder text = new StringBuilder("Hello " + to.displayName() + ",\n\n");
        StringBuilder html = new StringBuilder("<p>Hello " + esc(to.displayName()) + ",</p>");
        for (String p : paragraphs) {
            if (p == null || p.isBlank()) {
                continue;
            }
            text.append(p).append("\n\n");
            html.append("<p>").append(esc(p)).append("</p>");
        }
        text.append(action).append(": ").append(link).append("\n");
        html.append("<p><a href=\"").append(esc(link)).append("\">").append(esc(action)).append("</a></p>");
        if (ics != null) {
            text.append("\nThe attached calendar entry (audit.ics) puts the date in your calendar.\n");
            html.append("<p>The attached calendar entry (audit.ics) puts the date in your calendar.</p>");
        }
        footer(text, html, why);
        return new OutgoingMail(key, category, to.username(), to.email(), subject, text.toString(), wrap(html.toString()),
                ics, link);
    }

    private void footer(StringBuilder text, StringBuilder html, String why) {
        text.append("\n-- \nAuditflow. ").append(why).append("\nChoose what you receive: ").append(preferencesLink()).append("\n");
        html.append("<hr><p style=\"color:#666;font-size:12px\">Auditflow. ").append(esc(why))
                .append(" <a href=\"").append(esc(preferencesLink())).append("\">Choose what you receive</a>.</p>");
    }

    private static String wrap(String body) {
        return "<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.4\">" + body + "</body></html>";
    }

    private static String hint(MilestoneType type) {
        return switch (type) {
            case FIELDWORK_START -> "Before fieldwork: confirm the scope and populations, rehearse samples, "
                    + "and expect the auditor's request list about 30 days before.";
            case STAGE1_AUDIT, STAGE2_AUDIT, SURVEILLANCE_AUDIT_1, SURVEILLANCE_AUDIT_2, RECERTIFICATION_AUDIT ->
                    "Before the audit: the internal audit and the management review must be done, and staff briefed.";
            case REPORT_ISSUED -> "This is the date the audit report is due.";
            case CERTIFICATE_EXPIRY -> "The certificate expires on this date unless recertification is complete.";
            default -> null;
        };
    }

    private static String whoFor(TaskInfo task, UserSummary to) {
        return task.assignee() == null ? "Nobody has taken it yet; anyone in team " + task.teamCode() + " can."
                : to.username().equals(task.assignee()) ? "It is assigned to you." : "It is assigned to " + task.assignee() + ".";
    }

    static String esc(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }

    /** An all-day event for the audit date as an iCalendar document. */
    static String calendar(String uid, LocalDate date, String summary, String description, String link) {
        VEvent event = new VEvent(date, date.plusDays(1), summary);
        event.add(new Uid(uid));
        event.add(new Description(description));
        try {
            event.add(new Url(URI.create(link)));
        } catch (IllegalArgumentException ignored) {
            // a link that is no URI stays out of the calendar entry; the mail still carries it
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Auditflow//Reminders//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add((CalendarComponent) event);
        return calendar.toString();
    }
}
