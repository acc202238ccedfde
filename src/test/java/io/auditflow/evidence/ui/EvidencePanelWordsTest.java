package io.auditflow.evidence.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import java.util.Locale;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Found walking the app in German: the evidence date read "Evidence dated" and the upload fell back to English. */
@IntegrationTest
class EvidencePanelWordsTest extends KaribuTest {

    @Autowired InboxFixture fixture;
    @Autowired TestClock clock;

    private EvidencePanel open(Locale locale) {
        Program program = fixture.program("Nachweise " + locale, "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        login("member", Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate("inbox/task/" + task.getId());
        return _get(EvidencePanel.class);
    }

    @Test
    void a_german_member_reads_the_evidence_date_the_upload_and_its_size_limit_in_german() {
        EvidencePanel panel = open(Locale.GERMAN);

        assertThat(panel.evidenceDate.getLabel()).isEqualTo("Nachweis vom");
        assertThat(panel.upload.getI18n().getDropFiles().getMany()).isEqualTo("Dateien hier ablegen");
        assertThat(panel.upload.getI18n().getError().getFileIsTooBig()).startsWith("Die Datei ist größer als die Grenze von ")
                .endsWith(" MB");
    }

    @Test
    void an_english_member_reads_the_evidence_date_as_before() {
        EvidencePanel panel = open(Locale.ENGLISH);

        assertThat(panel.evidenceDate.getLabel()).isEqualTo("Evidence dated");
        assertThat(panel.upload.getI18n().getError().getFileIsTooBig()).startsWith("The file is larger than the limit of");
    }
}
