package io.auditflow.reminder;

import io.auditflow.common.AuditflowProperties;
import io.auditflow.common.Formats;
import io.auditflow.common.Labels;
import io.auditflow.common.Messages;
import io.auditflow.common.Phrase;
import io.auditflow.inbox.TaskWords;
import io.auditflow.identity.UserLanguage;
import io.auditflow.identity.UserSummary;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.mail.OutgoingMail;
import java.net.URI;
import java.time.LocalDate;
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

/**
 * Writes reminder mails in plain words, as plain text and HTML, with a link straight to the thing, in the
 * recipient's language (decision 0145: texts under mail.* in the one bundle, read through common.Messages).
 */
@Component
class ReminderMails {

    private final String baseUrl;
    private final UserLanguage languages;
    private final io.auditflow.identity.Names names;

    ReminderMails(AuditflowProperties properties, UserLanguage languages, io.auditflow.identity.Names names) {
        this.languages = languages;
        this.names = names;
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

    /** The recipient's language: the one rule is identity.UserLanguage#forRecipient. */
    Locale locale(UserSummary to) {
        return languages.forRecipient(to.username());
    }

    /** A day in a mail, in the recipient's language (common.Formats#longDate). */
    static String day(LocalDate date, Locale locale) {
        return Formats.longDate(date, locale);
    }

    private static String t(Locale locale, String key, Object... args) {
        return Messages.get(key, locale, args);
    }

    /** "tomorrow", "in 3 days" as a phrase, for subjects a notification keeps (decision 0181). */
    private static Phrase whenWords(long daysLeft) {
        return daysLeft == 1 ? Phrase.of("mail.when.tomorrow") : Phrase.of("mail.when.inDays", String.valueOf(daysLeft));
    }

    private static String when(Locale locale, long daysLeft) {
        return daysLeft == 1 ? t(locale, "mail.when.tomorrow") : t(locale, "mail.when.inDays", String.valueOf(daysLeft));
    }

    OutgoingMail audit(String key, UserSummary to, String programName, Long programId, long milestoneId,
                       MilestoneType type, LocalDate date, long daysLeft) {
        Locale l = locale(to);
        String what = Labels.of(type, l);
        String when = when(l, daysLeft);
        Phrase words = Phrase.of("mail.audit.subject", type, whenWords(daysLeft), programName);
        String subject = words.in(l);
        String lead = t(l, "mail.audit.lead", what, programName, day(date, l), when);
        String link = programLink(programId);
        String ics = calendar("auditflow-milestone-" + milestoneId + "@auditflow", date,
                t(l, "mail.audit.summary", what, programName), lead, link);
        return mail(key, "AUDIT_REMINDER", to, l, subject, java.util.Arrays.asList(lead, hint(type, l)),
                t(l, "mail.audit.action"), link, t(l, "mail.audit.why"), ics).withSubjectWords(words);
    }

    OutgoingMail taskBefore(String key, UserSummary to, TaskInfo task, long daysLeft) {
        Locale l = locale(to);
        String when = when(l, daysLeft);
        Phrase words = Phrase.of("mail.task.before.subject", whenWords(daysLeft), TaskWords.named(task.name()), task.programName());
        String subject = words.in(l);
        String lead = t(l, "mail.task.before.lead", taskName(task, l), task.programName(), when, day(task.due(), l));
        return mail(key, "TASK_REMINDER", to, l, subject, java.util.Arrays.asList(lead, whoFor(task, to, l)),
                t(l, "mail.task.action"), taskLink(task.id()), t(l, "mail.task.why"), null).withSubjectWords(words);
    }

    OutgoingMail taskDue(String key, UserSummary to, TaskInfo task) {
        Locale l = locale(to);
        Phrase words = Phrase.of("mail.task.due.subject", TaskWords.named(task.name()), task.programName());
        String subject = words.in(l);
        String lead = t(l, "mail.task.due.lead", taskName(task, l), task.programName(), day(task.due(), l));
        return mail(key, "TASK_REMINDER", to, l, subject, List.of(lead, whoFor(task, to, l)), t(l, "mail.task.action"),
                taskLink(task.id()), t(l, "mail.task.why"), null).withSubjectWords(words);
    }

    OutgoingMail escalation(String key, UserSummary to, TaskInfo task, int step, long daysOverdue) {
        Locale l = locale(to);
        String overdue = t(l, "mail.escalation.days", daysOverdue);
        Phrase days = Phrase.of("mail.escalation.days", daysOverdue);
        Phrase words = switch (step) {
            case 1 -> Phrase.of("mail.escalation.subject.1", TaskWords.named(task.name()), task.programName());
            case 2 -> Phrase.of("mail.escalation.subject.2", days, TaskWords.named(task.name()), task.programName());
            default -> Phrase.of("mail.escalation.subject.3", days, TaskWords.named(task.name()), task.programName());
        };
        String subject = words.in(l);
        String lead = t(l, "mail.escalation.lead", taskName(task, l), task.programName(), day(task.due(), l), overdue);
        String who = task.assignee() == null ? t(l, "mail.escalation.nobody", names.team(task.teamCode()))
                : t(l, "mail.escalation.assigned", names.person(task.assignee()));
        String ask = switch (step) {
            case 1 -> t(l, "mail.escalation.ask.1");
            case 2 -> t(l, "mail.escalation.ask.2", names.team(task.teamCode()));
            default -> t(l, "mail.escalation.ask.3");
        };
        return mail(key, "ESCALATION", to, l, subject, List.of(lead, who, ask), t(l, "mail.task.action"),
                taskLink(task.id()), t(l, "mail.escalation.why"), null).withSubjectWords(words);
    }

    /** The digest; its lines come from {@link DigestJob} in the same language ({@link #locale(UserSummary)}). */
    OutgoingMail digest(String key, UserSummary to, LocalDate day, List<String> dueThisWeek, List<String> overdue,
                        List<String> audits, String inboxLink) {
        Locale l = locale(to);
        String hello = t(l, "mail.hello", to.displayName());
        String intro = t(l, "mail.digest.intro", day(day, l));
        StringBuilder text = new StringBuilder(hello + "\n\n" + intro + "\n");
        StringBuilder html = new StringBuilder("<p>" + esc(hello) + "</p><p>" + esc(intro) + "</p>");
        section(text, html, t(l, "mail.digest.overdue"), overdue);
        section(text, html, t(l, "mail.digest.week"), dueThisWeek);
        section(text, html, t(l, "mail.digest.audits"), audits);
        String open = t(l, "mail.digest.open");
        text.append("\n").append(open).append(": ").append(inboxLink).append("\n");
        html.append("<p><a href=\"").append(esc(inboxLink)).append("\">").append(esc(open)).append("</a></p>");
        footer(text, html, t(l, "mail.digest.why"), l);
        String subject = t(l, "mail.digest.subject", String.valueOf(overdue.size()), String.valueOf(dueThisWeek.size()),
                audits.size());
        return new OutgoingMail(key, "DIGEST", to.username(), to.email(), subject, text.toString(),
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

    private OutgoingMail mail(String key, String category, UserSummary to, Locale l, String subject, List<String> paragraphs,
                              String action, String link, String why, String ics) {
        String hello = t(l, "mail.hello", to.displayName());
        StringBuilder text = new StringBuilder(hello + "\n\n");
        StringBuilder html = new StringBuilder("<p>" + esc(hello) + "</p>");
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
            String attached = t(l, "mail.ics.attached");
            text.append("\n").append(attached).append("\n");
            html.append("<p>").append(esc(attached)).append("</p>");
        }
        footer(text, html, why, l);
        return new OutgoingMail(key, category, to.username(), to.email(), subject, text.toString(), wrap(html.toString()),
                ics, link);
    }

    private void footer(StringBuilder text, StringBuilder html, String why, Locale l) {
        String choose = t(l, "mail.footer.choose");
        text.append("\n-- \nAuditflow. ").append(why).append("\n").append(choose).append(": ").append(preferencesLink()).append("\n");
        html.append("<hr><p style=\"color:#666;font-size:12px\">Auditflow. ").append(esc(why))
                .append(" <a href=\"").append(esc(preferencesLink())).append("\">").append(esc(choose)).append("</a>.</p>");
    }

    private static String wrap(String body) {
        return "<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.4\">" + body + "</body></html>";
    }

    private static String hint(MilestoneType type, Locale l) {
        return switch (type) {
            case FIELDWORK_START -> t(l, "mail.hint.fieldwork");
            case STAGE1_AUDIT, STAGE2_AUDIT, SURVEILLANCE_AUDIT_1, SURVEILLANCE_AUDIT_2, RECERTIFICATION_AUDIT ->
                    t(l, "mail.hint.audit");
            case REPORT_ISSUED -> t(l, "mail.hint.report");
            case CERTIFICATE_EXPIRY -> t(l, "mail.hint.expiry");
            default -> null;
        };
    }

    /** The task's name as the inbox shows it to this reader (the model's names in German, decision 0168). */
    private static String taskName(TaskInfo task, Locale l) {
        return io.auditflow.inbox.TaskWords.name(task.name(), l);
    }

    /** Who has the task, by name (identity.Names): the team's name, the person's display name. */
    private String whoFor(TaskInfo task, UserSummary to, Locale l) {
        return task.assignee() == null ? t(l, "mail.task.nobody", names.team(task.teamCode()))
                : to.username().equals(task.assignee()) ? t(l, "mail.task.you") : t(l, "mail.task.assigned", names.person(task.assignee()));
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
