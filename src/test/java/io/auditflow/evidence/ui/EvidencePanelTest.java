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

    @Test
    void each_file_shows_its_own_state_and_a_refused_file_carries_its_reason_and_no_check_mark() {
        EvidencePanel panel = open("Karibu evidence states");

        panel.checking("access-review.pdf");
        assertThat(panel.states.getChildren().findFirst().orElseThrow().getElement().getAttribute("data-state"))
                .isEqualTo("checking");
        UploadKt._upload(panel.upload, "access-review.pdf", "application/pdf", EvidenceSamples.pdf());
        UploadKt._upload(panel.upload, "photo.png", "image/png", EvidenceSamples.pdf());

        var lines = panel.states.getChildren().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).getElement().getAttribute("data-state")).isEqualTo("accepted");
        assertThat(lines.get(0).getElement().getTextRecursively()).isEqualTo("access-review.pdf✓ Accepted");
        assertThat(lines.get(1).getElement().getAttribute("data-state")).isEqualTo("refused");
        assertThat(lines.get(1).getElement().getTextRecursively()).startsWith("photo.png✗ Refused: ")
                .contains("not a PNG").doesNotContain("✓");
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications(
                "1 accepted, 0 refused", "1 accepted, 1 refused");
        assertThat(GridKt._size(panel.grid)).isEqualTo(1);
    }

    @Test
    void an_outcome_that_arrives_before_the_browsers_start_event_stays_shown_and_the_next_batch_starts_clean() {
        EvidencePanel panel = open("Karibu evidence late start");

        // The file's request is handled before the browser's "upload-start" event reaches the server.
        UploadKt._upload(panel.upload, "photo.png", "image/png", EvidenceSamples.pdf());
        panel.checking("photo.png");
        var lines = panel.states.getChildren().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).getElement().getAttribute("data-state")).isEqualTo("refused");
        assertThat(lines.get(0).getElement().getTextRecursively()).startsWith("photo.png✗ Refused: ");

        // The next file is a new batch: the old line goes, the new one is being checked.
        panel.checking("access-review.pdf");
        lines = panel.states.getChildren().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).getElement().getAttribute("data-state")).isEqualTo("checking");
        UploadKt._upload(panel.upload, "access-review.pdf", "application/pdf", EvidenceSamples.pdf());
        assertThat(panel.states.getChildren().toList().get(0).getElement().getAttribute("data-state"))
                .isEqualTo("accepted");
    }
}
