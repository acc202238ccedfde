package io.auditflow.evidence.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.evidence.Evidence;
import io.auditflow.evidence.EvidenceSamples;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class EvidencePanelTest extends KaribuTest {

    @Autowired InboxFixture fixture;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    private EvidencePanel open(String name) {
        Program program = fixture.program(name, "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        login("member", Role.COMPLIANCE_MEMBER);
        UI.getCurrent().navigate("inbox/task/" + task.getId());
        return _get(EvidencePanel.class);
    }

    private long rows(EvidencePanel panel) {
        return jdbc.queryForObject("select count(*) from evidence where task_id = (select task_id from inbox_task where name = ? and"
                + " task_id = ?)", Long.class, "Review user access", panelTaskId(panel));
    }

    private static String panelTaskId(EvidencePanel panel) {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath().replace("inbox/task/", "");
    }

    @Test
    void an_uploaded_file_appears_in_the_list_with_its_stated_date() {
        EvidencePanel panel = open("Karibu evidence");
        _setValue(panel.evidenceDate, clock.today().minusDays(3));

        UploadKt._upload(panel.upload, "review.pdf", "application/pdf", EvidenceSamples.pdf());

        assertThat(GridKt._size(panel.grid)).isEqualTo(1);
        Evidence row = GridKt._get(panel.grid, 0);
        assertThat(row.fileName()).isEqualTo("review.pdf");
        assertThat(row.evidenceDate()).isEqualTo(clock.today().minusDays(3));
        assertThat(panel.error.isVisible()).isFalse();
    }

    @Test
    void bad_files_are_refused_with_a_message_and_nothing_is_stored() {
        EvidencePanel panel = open("Karibu evidence bad");

        UploadKt._upload(panel.upload, "../x.pdf", "application/pdf", EvidenceSamples.pdf());
        assertThat(panel.error.isVisible()).isTrue();
        assertThat(panel.error.getText()).contains("plain file name");

        UploadKt._upload(panel.upload, "photo.png", "image/png", EvidenceSamples.pdf());
        assertThat(panel.error.getText()).contains("not a PNG");

        UploadKt._upload(panel.upload, "a/b.pdf", "application/pdf", EvidenceSamples.pdf());
        assertThat(panel.error.getText()).contains("plain file name");

        UploadKt._upload(panel.upload, "C:\\x.pdf", "application/pdf", EvidenceSamples.pdf());
        assertThat(panel.error.getText()).contains("plain file name");

        UploadKt._upload(panel.upload, "setup.exe", "application/octet-stream", new byte[] {'M', 'Z'});
        assertThat(panel.error.getText()).contains("not allowed");

        byte[] big = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(EvidenceSamples.pdf(), 0, big, 0, EvidenceSamples.pdf().length);
        UploadKt._upload(panel.upload, "big.pdf", "application/pdf", big);
        assertThat(panel.error.getText()).contains("larger than");

        _setValue(panel.evidenceDate, clock.today().plusDays(2));
        UploadKt._upload(panel.upload, "future.pdf", "application/pdf", EvidenceSamples.pdf());
        assertThat(panel.evidenceDate.isInvalid()).isTrue();

        assertThat(rows(panel)).isZero();
        assertThat(panel.grid.isVisible()).isFalse();
    }
}
