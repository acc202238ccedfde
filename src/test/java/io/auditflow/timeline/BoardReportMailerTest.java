package io.auditflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.AuditflowProperties;
import io.auditflow.identity.UserService;
import io.auditflow.mail.MailOutbox;
import io.auditflow.mail.OutboxSender;
import io.auditflow.support.GreenMailSupport;
import io.auditflow.support.TestClock;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The monthly board report mail: on the first working day, once per executive and month, also across a restart. */
@IntegrationTest
class BoardReportMailerTest extends GreenMailSupport {

    @Autowired
    BoardReportMailer mailer;
    @Autowired
    BoardReportService reports;
    @Autowired
    UserService users;
    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxSender sender;
    @Autowired
    AuditflowProperties app;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<MimeMessage> boardMails() throws Exception {
        List<MimeMessage> mails = new java.util.ArrayList<>();
        for (MimeMessage m : receivedFor(Set.of("executive@auditflow.example"))) {
            if (m.getSubject().startsWith("Audit board report")) {
                mails.add(m);
            }
        }
        return mails;
    }

    @Test
    void the_first_working_day_is_the_first_monday_to_friday() {
        assertThat(BoardReportMailer.workingDay(YearMonth.of(2026, 8), 1)).isEqualTo(LocalDate.parse("2026-08-03"));
        assertThat(BoardReportMailer.workingDay(YearMonth.of(2026, 12), 1)).isEqualTo(LocalDate.parse("2026-12-01"));
        assertThat(BoardReportMailer.workingDay(YearMonth.of(2026, 12), 3)).isEqualTo(LocalDate.parse("2026-12-03"));
        assertThat(BoardReportMailer.workingDay(YearMonth.of(2027, 5), 2)).isEqualTo(LocalDate.parse("2027-05-04"));
    }

    @Test
    void executives_get_the_report_once_a_month_even_when_the_app_restarts() throws Exception {
        int before = boardMails().size();
        clock.setDate(LocalDate.parse("2026-08-01")); // Saturday: the first working day is Monday the 3rd
        assertThat(mailer.sendIfDue()).isZero();

        clock.setDate(LocalDate.parse("2026-08-03"));
        int executives = users.usersWithRole(io.auditflow.security.Role.EXECUTIVE).size();
        assertThat(mailer.sendIfDue()).isEqualTo(executives).isPositive();
        assertThat(mailer.sendIfDue()).isZero();
        // a restart: a fresh mailer with nothing in memory finds the month's mails in the outbox
        BoardReportMailer restarted = new BoardReportMailer(reports, users, outbox, new BoardReportProperties(true, 1), app, clock);
        clock.setDate(LocalDate.parse("2026-08-17"));
        assertThat(restarted.sendIfDue()).isZero();

        sender.sendDue();
        List<MimeMessage> mails = boardMails();
        assertThat(mails).hasSize(before + 1);
        MimeMessage mail = mails.get(mails.size() - 1);
        assertThat(mail.getSubject()).isEqualTo("Audit board report 2026-08");
        String body = io.auditflow.support.MailText.plain(mail);
        assertThat(body).contains("the audit board report for 2026-08 (as of 2026-08-03", "- ISO certificates: ",
                "- SOC 2 coverage: ", "- Audits in the next 90 days: ", "- Overdue or missed: ", "/dashboard");
        assertThat(body).contains("The one-page report is attached as a PDF");

        // the attached PDF is the board report of that day: one page, the three answers in it
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        jakarta.mail.BodyPart pdfPart = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                pdfPart = parts.getBodyPart(i);
            }
        }
        assertThat(pdfPart).as("an attached file").isNotNull();
        assertThat(pdfPart.getFileName()).isEqualTo("audit-board-report-2026-08.pdf");
        assertThat(pdfPart.getContentType()).startsWith("application/pdf");
        byte[] pdf = pdfPart.getInputStream().readAllBytes();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("2026-08-03", "ISO certificates", "SOC 2 coverage", "Audits in the next 90 days");
        }

        clock.setDate(LocalDate.parse("2026-09-01"));
        assertThat(mailer.sendIfDue()).isEqualTo(executives);
    }

    @Test
    void the_setting_turns_the_mail_off() {
        BoardReportMailer off = new BoardReportMailer(reports, users, outbox, new BoardReportProperties(false, 1), app, clock);
        clock.setDate(LocalDate.parse("2026-10-01"));
        assertThat(off.sendIfDue()).isZero();
    }
}
