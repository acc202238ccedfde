package io.auditflow.inbox.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import io.auditflow.IntegrationTest;
import io.auditflow.inbox.DueWindow;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.inbox.InboxService;
import io.auditflow.inbox.InboxTask;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import io.auditflow.ui.StartPage;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class InboxViewTest extends KaribuTest {

    @Autowired InboxFixture fixture;
    @Autowired TaskService taskService;
    @Autowired InboxService inbox;
    @Autowired TestClock clock;

    private InboxView openInbox(String user, Role role, Program program) {
        login(user, role);
        UI.getCurrent().navigate("inbox");
        InboxView view = _get(InboxView.class);
        // the filter loads its programs when opened: the one typed is among them
        assertThat(view.program.getLazyDataView().getItems().map(Program::id)).contains(program.id());
        _setValue(view.program, program);
        return view;
    }

    private void showTab(InboxView view, String id) {
        view.tabs.setSelectedTab(_get(com.vaadin.flow.component.tabs.Tab.class, spec -> spec.withId(id)));
    }

    @Test
    void a_member_sees_team_tasks_with_counts_claims_one_and_finds_it_under_my_tasks() {
        clock.reset();
        Program program = fixture.program("Karibu inbox", "grc");
        Task overdue = fixture.start(program, clock.today().minusDays(1));
        Task later = fixture.start(program, clock.today().plusDays(40));

        InboxView view = openInbox("member", Role.COMPLIANCE_MEMBER, program);
        assertThat(view.tabByView).doesNotContainKey(io.auditflow.inbox.TaskListView.ALL);
        showTab(view, "tab-team");
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        InboxTask first = GridKt._get(view.grid, 0);
        assertThat(first.id()).isEqualTo(overdue.getId());
        assertThat(TaskBadges.rowPart(first)).isEqualTo("overdue-row");
        assertThat(TaskBadges.due(first).getText()).endsWith("overdue");
        assertThat(first.programName()).isEqualTo(program.name());
        String teamLabel = _get(com.vaadin.flow.component.tabs.Tab.class, spec -> spec.withId("tab-team")).getLabel();
        assertThat(teamLabel).startsWith("My team's tasks (");

        assertThat(GridKt._getFormatted(view.grid, 1, "actions")).isEqualTo("Claim");
        view.act(GridKt._get(view.grid, 1)); // what the row's Claim button calls
        assertThat(taskService.createTaskQuery().taskId(later.getId()).singleResult().getAssignee()).isEqualTo("member");

        showTab(view, "tab-mine");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).id()).isEqualTo(later.getId());
        assertThat(_get(com.vaadin.flow.component.tabs.Tab.class, spec -> spec.withId("tab-mine")).getLabel())
                .matches("My tasks \\(\\d+\\)");
    }

    @Test
    void rows_name_the_team_and_the_assignee_as_people_read_them_not_by_their_codes() {
        clock.reset();
        Program program = fixture.program("Karibu names", "grc");
        Task task = fixture.start(program, clock.today().plusDays(12));
        InboxView view = openInbox("member", Role.COMPLIANCE_MEMBER, program);
        showTab(view, "tab-team");
        // the demo team "grc" is called "Governance, Risk & Compliance"; the demo user "manager" is Maya Manager
        assertThat(GridKt._getFormatted(view.grid, 0, "assignee")).isEqualTo("Unassigned · Governance, Risk & Compliance");

        taskService.claim(task.getId(), "manager");
        showTab(view, "tab-mine");
        showTab(view, "tab-team");
        assertThat(GridKt._get(view.grid, 0).assignee()).isEqualTo("manager");
        assertThat(GridKt._getFormatted(view.grid, 0, "assignee")).isEqualTo("Maya Manager");
        assertThat(view.personChoice("manager")).isEqualTo("Maya Manager (manager)");
        assertThat(view.personChoice("nobody-by-this-name")).isEqualTo("nobody-by-this-name");
    }

    @Test
    void claiming_a_task_someone_took_a_moment_ago_says_who_has_it_and_refreshes_the_list() {
        Program program = fixture.program("Karibu claim race", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        InboxView view = openInbox("member", Role.COMPLIANCE_MEMBER, program);
        showTab(view, "tab-team");
        InboxTask row = GridKt._get(view.grid, 0);

        taskService.claim(task.getId(), "manager");
        view.act(row); // the row's Claim button, pressed after someone else took the task

        NotificationsKt.expectNotifications("'Review user access' was claimed by Maya Manager a moment ago");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("manager");
        assertThat(GridKt._get(view.grid, 0).assignee()).isEqualTo("manager");
    }

    @Test
    void filters_narrow_the_list_by_due_window_and_name() {
        clock.reset();
        Program program = fixture.program("Karibu filters", "grc");
        fixture.start(program, clock.today().minusDays(3));
        fixture.start(program, clock.today().plusDays(2));
        InboxView view = openInbox("member", Role.COMPLIANCE_MEMBER, program);
        showTab(view, "tab-team");
        assertThat(GridKt._size(view.grid)).isEqualTo(2);

        _setValue(view.due, DueWindow.OVERDUE);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        _setValue(view.due, null);
        _setValue(view.search, "nothing like this");
        assertThat(GridKt._size(view.grid)).isZero();
        _setValue(view.search, "access review");
        assertThat(GridKt._size(view.grid)).isZero();
        _setValue(view.search, "user access");
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
    }

    @Test
    void managers_get_the_all_open_tasks_list_and_members_land_on_the_inbox() {
        Program program = fixture.program("Karibu all", fixture.team("far"));
        fixture.start(program, clock.today().plusDays(10));
        InboxView view = openInbox("manager", Role.COMPLIANCE_MANAGER, program);
        showTab(view, "tab-all");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(view.tabByView.get(io.auditflow.inbox.TaskListView.ALL).getLabel()).startsWith("All open tasks (");
        assertThat(StartPage.forRoles(Set.of(Role.COMPLIANCE_MEMBER))).isEqualTo("inbox");
    }
}
