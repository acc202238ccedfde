package io.auditflow.evidence.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static io.auditflow.inbox.InboxFixture.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.evidence.EvidenceSamples;
import io.auditflow.evidence.EvidenceService;
import io.auditflow.evidence.EvidenceUpload;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class ProgramEvidenceViewTest extends KaribuTest {

    @Autowired InboxFixture fixture;
    @Autowired EvidenceService evidence;
    @Autowired TestClock clock;

    private ProgramEvidenceView openFor(Program program, String user, Role role) {
        login(user, role);
        UI.getCurrent().navigate("evidence");
        ProgramEvidenceView view = _get(ProgramEvidenceView.class);
        _setValue(view.program, view.program.getListDataView().getItems()
                .filter(p -> p.id().equals(program.id())).findFirst().orElseThrow());
        return view;
    }

    @Test
    void a_programs_evidence_is_listed_with_the_task_it_was_given_for() {
        Program program = fixture.program("Karibu program evidence", "grc");
        Task task = fixture.start(program, clock.today().plusDays(5));
        as("member", Role.COMPLIANCE_MEMBER, () -> evidence.upload(task.getId(),
                List.of(new EvidenceUpload("one.pdf", EvidenceSamples.pdf()), new EvidenceUpload("two.csv", EvidenceSamples.csv())),
                clock.today()));

        ProgramEvidenceView view = openFor(program, "member", Role.COMPLIANCE_MEMBER);

        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        assertThat(GridKt._get(view.grid, 0).taskName()).isEqualTo("Review user access");
    }

    @Test
    void a_member_sees_no_evidence_of_another_teams_program() {
        Program program = fixture.program("Karibu other evidence", fixture.team("evid"));
        Task task = fixture.start(program, clock.today().plusDays(5));
        as("manager", Role.COMPLIANCE_MANAGER, () -> evidence.upload(task.getId(),
                List.of(new EvidenceUpload("secret.pdf", EvidenceSamples.pdf())), clock.today()));

        ProgramEvidenceView view = openFor(program, "member", Role.COMPLIANCE_MEMBER);

        assertThat(GridKt._size(view.grid)).isZero();
        NotificationsKt.expectNotifications("That program's evidence belongs to a team you are not on");
    }
}
