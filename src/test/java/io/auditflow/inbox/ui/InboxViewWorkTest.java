package io.auditflow.inbox.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.data.provider.SortDirection;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserService;
import io.auditflow.inbox.DueWindow;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.inbox.InboxTask;
import io.auditflow.inbox.TaskListView;
import io.auditflow.inbox.TaskSort;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The inbox as a team runs its week in it: landing tab, sorting, bulk changes, saved filters, keys, phones. */
@IntegrationTest
class InboxViewWorkTest extends KaribuTest {

    @Autowired InboxFixture fixture;
    @Autowired TaskService taskService;
    @Autowired UserService users;
    @Autowired TestClock clock;

    private String team;
    private String worker;

    @BeforeEach
    void freshTeam() {
        clock.reset();
        team = fixture.team("kbw");
        worker = "k" + team;
        SystemAuthentication.run(() -> users.seedUser(worker, "Karibu " + team, null, "demo",
                Set.of(Role.COMPLIANCE_MEMBER), Set.of(team)));
    }

    private InboxView open(String user, Role role) {
        login(user, role);
        UI.getCurrent().navigate("inbox");
        return _get(InboxView.class);
    }

    private List<String> programsShown(InboxView view) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < GridKt._size(view.grid); i++) {
            names.add(GridKt._get(view.grid, i).programName().split(" ")[1]);
        }
        return names;
    }

    @Test
    void a_member_with_no_tasks_of_their_own_lands_on_the_team_tab_with_its_honest_count() {
        Program program = fixture.program("Land Here", team);
        fixture.start(program, clock.today().plusDays(3));
        fixture.start(program, clock.today().plusDays(4));

        InboxView view = open(worker, Role.COMPLIANCE_MEMBER);

        assertThat(view.tabs.getSelectedTab().getId()).contains("tab-team");
        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        assertThat(_get(Tab.class, spec -> spec.withId("tab-team")).getLabel()).isEqualTo("My team's tasks (2)");
        assertThat(_get(Tab.class, spec -> spec.withId("tab-mine")).getLabel()).isEqualTo("My tasks (0)");
    }

    @Test
    void sorting_a_column_orders_the_rows_on_the_server_and_is_remembered_for_the_next_visit() {
        fixture.start(fixture.program("Sort Bravo", team), clock.today().plusDays(5));
        fixture.start(fixture.program("Sort Alpha", team), clock.today().plusDays(9));
        fixture.start(fixture.program("Sort Charlie", team), clock.today().plusDays(1));

        InboxView view = open(worker, Role.COMPLIANCE_MEMBER);
        assertThat(programsShown(view)).containsExactly("Charlie", "Bravo", "Alpha");
        view.grid.sort(List.of(new GridSortOrder<>(view.sortable.get(TaskSort.Field.PROGRAM), SortDirection.DESCENDING)));
        assertThat(programsShown(view)).containsExactly("Charlie", "Bravo", "Alpha");
        view.grid.sort(List.of(new GridSortOrder<>(view.sortable.get(TaskSort.Field.PROGRAM), SortDirection.ASCENDING)));
        assertThat(programsShown(view)).containsExactly("Alpha", "Bravo", "Charlie");

        InboxView again = open(worker, Role.COMPLIANCE_MEMBER);
        assertThat(again.currentSort().code()).isEqualTo("program,asc");
        assertThat(programsShown(again)).containsExactly("Alpha", "Bravo", "Charlie");
        assertThat(again.sortable.values()).allMatch(c -> c.isSortable());
    }

    @Test
    void claiming_the_selected_rows_asks_once_then_says_how_many_changed_and_why_one_was_refused() {
        Program program = fixture.program("Bulk Karibu", team);
        Task a = fixture.start(program, clock.today().plusDays(2));
        Task b = fixture.start(program, clock.today().plusDays(3));
        Task c = fixture.start(program, clock.today().plusDays(4));
        InboxView view = open(worker, Role.COMPLIANCE_MEMBER);
        assertThat(GridKt._size(view.grid)).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            view.grid.select(GridKt._get(view.grid, i));
        }
        assertThat(view.selection.getText()).isEqualTo("3 selected");
        taskService.setAssignee(c.getId(), "manager"); // someone was quicker

        _click(view.bulkClaim);
        _click(_get(Button.class, spec -> spec.withId("bulk-confirm")));

        assertThat(taskService.createTaskQuery().taskId(a.getId()).singleResult().getAssignee()).isEqualTo(worker);
        assertThat(taskService.createTaskQuery().taskId(b.getId()).singleResult().getAssignee()).isEqualTo(worker);
        assertThat(view.bulkResult.getText()).isEqualTo(
                "2 changed, 1 refused: 'Review user access' was claimed by Maya Manager a moment ago");
        assertThat(view.grid.getSelectedItems()).isEmpty();
        assertThat(view.bulkAssign.isVisible()).as("assigning in bulk is for managers").isFalse();
    }

    @Test
    void the_serves_column_never_repeats_what_the_task_name_says() {
        Program program = fixture.program("Serves", team);
        Task task = fixture.start(program, clock.today().plusDays(2));
        InboxView view = open(worker, Role.COMPLIANCE_MEMBER);
        InboxTask row = GridKt._get(view.grid, 0);
        assertThat(row.id()).isEqualTo(task.getId());
        assertThat(row.serves()).isEqualTo("Fieldwork starts · User access review");
        assertThat(InboxView.servesBeyondName(row)).isEqualTo("Fieldwork starts");
    }

    @Test
    void the_my_overdue_filter_shows_my_overdue_tasks_and_the_c_key_claims_the_focused_row() {
        Program program = fixture.program("Keys", team);
        Task late = fixture.start(program, clock.today().minusDays(2));
        Task free = fixture.start(program, clock.today().plusDays(6));
        InboxView view = open(worker, Role.COMPLIANCE_MEMBER);

        view.focused = GridKt._get(view.grid, 1);
        assertThat(view.focused.id()).isEqualTo(free.getId());
        view.claimFocused();
        assertThat(taskService.createTaskQuery().taskId(free.getId()).singleResult().getAssignee()).isEqualTo(worker);

        taskService.setAssignee(late.getId(), worker);
        InboxView.SavedFilterChoice myOverdue = view.saved.getListDataView().getItems()
                .filter(c -> c.label().equals("My overdue")).findFirst().orElseThrow();
        view.saved.setValue(myOverdue);
        assertThat(view.tabs.getSelectedTab().getId()).contains("tab-mine");
        assertThat(view.due.getValue()).isEqualTo(DueWindow.OVERDUE);
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._get(view.grid, 0).id()).isEqualTo(late.getId());
        assertThat(view.filter().view()).isEqualTo(TaskListView.MINE);
    }

    @Test
    void on_a_phone_the_inbox_shows_one_card_per_task_and_folds_the_filters_away() {
        fixture.start(fixture.program("Phone", team), clock.today().plusDays(2));
        InboxView view = open(worker, Role.COMPLIANCE_MEMBER);

        view.setCompact(true);

        assertThat(view.grid.getColumnByKey("card").isVisible()).isTrue();
        assertThat(view.grid.getColumnByKey("name").isVisible()).isFalse();
        assertThat(view.grid.getColumnByKey("program").isVisible()).isFalse();
        assertThat(view.filters.isOpened()).isFalse();
        assertThat(view.bulkBar.isVisible()).isFalse();
        // the keyboard hint (arrow keys, Space selects for a bulk change) is for a desk, not a phone (walk of 2026-12-01)
        assertThat(view.help.isVisible()).isFalse();
        assertThat(GridKt._getFormatted(view.grid, 0, "card")).contains("Review user access").contains("Phone ")
                // no column header on a card: the date says what it is
                .contains("Due " + clock.today().plusDays(2));
    }
}
