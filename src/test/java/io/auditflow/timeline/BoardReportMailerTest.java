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
    @Autowired
    io.auditflow.identity.UserLanguage languages;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

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
        BoardReportMailer restarted = new BoardReportMailer(reports, users, outbox, new BoardReportProperties(true, 1), app, clock, languages);
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
    void a_german_executive_gets_the_report_mail_and_its_pdf_in_german() throws Exception {
        jdbc.update("delete from user_language where username = 'executive'");
        jdbc.update("insert into user_language (username, language) values ('executive', 'de')");
        try {
            clock.setDate(LocalDate.parse("2026-11-02")); // Monday, the first working day of November
            assertThat(mailer.sendIfDue()).isPositive();
            sender.sendDue();
        } finally {
            jdbc.update("delete from user_language where username = 'executive'");
        }
        MimeMessage mail = null;
        for (MimeMessage m : receivedFor(Set.of("executive@auditflow.example"))) {
            if (m.getSubject().equals("Audit-Vorstandsbericht November 2026")) {
                mail = m;
            }
        }
        assertThat(mail).as("the German board report mail").isNotNull();
        String body = io.auditflow.support.MailText.plain(mail);
        assertThat(body).contains("Hallo ", "hier ist der Audit-Vorstandsbericht für November 2026 (Stand 02.11.2026, "
                        + "Umfang: alle Rahmenwerke · alle Verantwortlichen):",
                "- ISO-Zertifikate: ", "- SOC-2-Abdeckung: ", "- Audits in den nächsten 90 Tagen: ", "- Überfällig oder versäumt: ",
                "Der einseitige Bericht ist als PDF angehängt; die Übersicht zeigt die Einzelheiten: ", "/dashboard");
        assertThat(body).doesNotContain("Hello", "board report", "2026-11-02");
        jakarta.mail.internet.MimeMultipart parts = (jakarta.mail.internet.MimeMultipart) mail.getContent();
        byte[] pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                pdf = parts.getBodyPart(i).getInputStream().readAllBytes();
            }
        }
        assertThat(pdf).as("an attached file").isNotNull();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Audit-Vorstandsbericht — 02.11.2026", "ISO-Zertifikate", "Nächste 12 Monate",
                    "Offene Feststellungen nach Art und Alter");
        }
    }

    @Test
    void the_setting_turns_the_mail_off() {
        BoardReportMailer off = new BoardReportMailer(reports, users, outbox, new BoardReportProperties(false, 1), app, clock, languages);
        clock.setDate(LocalDate.parse("2026-10-01"));
        assertThat(off.sendIfDue()).isZero();
    }
}
