package io.auditflow.timeline;

import io.auditflow.common.AuditflowProperties;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.common.Formats;
import io.auditflow.common.Messages;
import io.auditflow.identity.UserLanguage;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.mail.MailOutbox;
import io.auditflow.mail.OutgoingMail;
import io.auditflow.security.Role;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mails the board report to every executive once a month, on the configured working day, through
 * the mail outbox. The outbox key {@code BOARD_REPORT:<month>:<user>} makes a second run in the same
 * month (another tick, a restart, a second node) queue nothing. The mail carries the three answers
 * in words, the one-page PDF attached (rendered once per run and language, the same file for every
 * executive who reads that language) and a link to the dashboard, in the recipient's language
 * ({@link UserLanguage#forRecipient}, decision 0151).
 */
@Service
public class BoardReportMailer {

    public static final String CATEGORY = "BOARD_REPORT";

    private final BoardReportService reports;
    private final UserService users;
    private final MailOutbox outbox;
    private final BoardReportProperties settings;
    private final UserLanguage languages;
    private final AuditflowProperties app;
    private final Clock clock;

    BoardReportMailer(BoardReportService reports, UserService users, MailOutbox outbox, BoardReportProperties settings,
                      AuditflowProperties app, Clock clock, UserLanguage languages) {
        this.languages = languages;
        this.reports = reports;
        this.users = users;
        this.outbox = outbox;
        this.settings = settings;
        this.app = app;
        this.clock = clock;
    }

    /** The n-th Monday-to-Friday of the month (public holidays are not known here). */
    static LocalDate workingDay(YearMonth month, int n) {
        LocalDate d = month.atDay(1);
        int seen = 0;
        while (true) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && ++seen == n) {
                return d;
            }
            d = d.plusDays(1);
        }
    }

    /** Queues this month's report for each executive when today is the day (or later that month). Returns how many were queued. */
    @Transactional
    public int sendIfDue() {
        if (!settings.mailEnabled()) {
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), app.zone());
        YearMonth month = YearMonth.from(today);
        if (today.isBefore(workingDay(month, settings.workingDay()))) {
            return 0;
        }
        List<UserSummary> due = users.usersWithRole(Role.EXECUTIVE).stream()
                .filter(u -> !outbox.exists(key(month, u))).toList();
        if (due.isEmpty()) {
            return 0; // this month's report went out already: do not render the PDF every hour for nothing
        }
        String link = app.baseUrl().replaceAll("/+$", "") + "/dashboard";
        // rendered once per language in this run (the same file for every executive who reads it)
        Map<Locale, BoardReportService.BoardReport> byLanguage = new HashMap<>();
        int queued = 0;
        for (UserSummary u : due) {
            Locale locale = languages.forRecipient(u.username());
            BoardReportService.BoardReport report = byLanguage.computeIfAbsent(locale,
                    l -> SystemAuthentication.call(() -> reports.report(TimelineQuery.all(), l)));
            String answers = report.answers().stream().map(a -> "- " + a.title() + ": " + a.words())
                    .collect(Collectors.joining("\n"));
            OutgoingMail.Attachment pdf = new OutgoingMail.Attachment("audit-board-report-" + month + ".pdf",
                    "application/pdf", report.pdf());
            String text = Messages.get("mail.hello", locale, u.displayName() == null ? u.username() : u.displayName()) + "\n\n"
                    + Messages.get("mail.board.lead", locale, Formats.month(month, locale), Formats.date(report.date(), locale),
                    report.scope()) + "\n\n" + answers + "\n\n" + Messages.get("mail.board.attached", locale, link) + "\n";
            boolean added = outbox.enqueue(new OutgoingMail(key(month, u), CATEGORY, u.username(), u.email(),
                    Messages.get("mail.board.subject", locale, Formats.month(month, locale)), text,
                    html(text, link, Messages.get("mail.board.action", locale)), null, link, pdf));
            queued += added ? 1 : 0;
        }
        return queued;
    }

    private static String key(YearMonth month, UserSummary u) {
        return CATEGORY + ":" + month + ":" + u.username();
    }

    private static String html(String text, String link, String action) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<html><body><pre style=\"font-family:sans-serif;white-space:pre-wrap\">" + escaped
                + "</pre><p><a href=\"" + link.replace("\"", "%22") + "\">" + action.replace("&", "&amp;").replace("<", "&lt;") + "</a></p></body></html>";
    }

    /** Checks every hour; the outbox key keeps it to one mail per executive per month. */
    @Configuration
    @EnableScheduling
    @ConditionalOnProperty(name = "auditflow.reminders.scheduling-enabled", havingValue = "true", matchIfMissing = true)
    static class Schedule {

        private final BoardReportMailer mailer;
        private final io.auditflow.common.ClusterLock lock;

        Schedule(BoardReportMailer mailer, io.auditflow.common.ClusterLock lock) {
            this.mailer = mailer;
            this.lock = lock;
        }

        @Scheduled(cron = "0 7 * * * *")
        void tick() {
            try {
                // one node per tick (ops, issue 15); the outbox key would also stop a second copy
                lock.runOnce("board-report", java.time.Duration.ofMinutes(30), java.time.Duration.ofMinutes(5),
                        mailer::sendIfDue);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(BoardReportMailer.class).warn("Board report mail failed; next tick retries", e);
            }
        }
    }
}
