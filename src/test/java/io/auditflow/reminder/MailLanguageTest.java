package io.auditflow.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserLanguage;
import io.auditflow.identity.UserService;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.mail.OutboxSender;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.support.GreenMailSupport;
import io.auditflow.support.TestClock;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A reminder reaches each person in their own language through the real scanner, outbox and SMTP (GreenMail):
 * fieldwork on Thursday 2026-12-24, seen 30 days before by the program's owner (German) and a team member (English).
 */
@IntegrationTest
class MailLanguageTest extends GreenMailSupport {

    @Autowired UserService users;
    @Autowired ProgramService programs;
    @Autowired MilestoneService milestones;
    @Autowired UserLanguage languages;
    @Autowired ReminderScanner scanner;
    @Autowired OutboxSender sender;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_german_recipient_gets_a_german_reminder_and_an_english_one_an_english_reminder() throws Exception {
        ReminderFixture f = new ReminderFixture(users, programs);
        SystemAuthentication.run(() -> languages.set(f.owner, Locale.GERMAN));
        clock.setDate(LocalDate.of(2026, 11, 24));
        Program p = f.program(Framework.SOC2_TYPE2);
        SystemAuthentication.run(() -> milestones.plan(p.id(), MilestoneType.FIELDWORK_START, 1, LocalDate.of(2026, 12, 24)));

        scanner.runOnce();
        sender.sendDue();

        MimeMessage german = only(receivedFor(Set.of(ReminderFixture.email(f.owner))));
        assertThat(german.getSubject()).isEqualTo("Beginn der Prüfung vor Ort in 30 Tagen: " + p.name());
        assertThat(text(german)).contains("Hallo Olivia Owner,",
                "Beginn der Prüfung vor Ort für " + p.name() + " ist am Donnerstag, 24.12.2026, in 30 Tagen.",
                "Programm öffnen: ", "Wählen Sie, was Sie erhalten: ").doesNotContain("December", "2026-12-24");

        MimeMessage english = only(receivedFor(Set.of(ReminderFixture.email(f.member1))));
        assertThat(english.getSubject()).isEqualTo("Fieldwork starts in 30 days: " + p.name());
        assertThat(text(english)).contains("Hello Ann Member,",
                "Fieldwork starts for " + p.name() + " is on Thursday 24 December 2026, in 30 days.",
                "Before fieldwork: confirm the scope and populations, rehearse samples, and expect the auditor's request"
                        + " list about 30 days before.", "Open the program: ", "Choose what you receive: ");
    }

    private static MimeMessage only(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    /** The text/plain part of a message. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = text(body);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
