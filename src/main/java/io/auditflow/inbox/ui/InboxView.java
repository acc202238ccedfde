package io.auditflow.inbox.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.inbox.DueWindow;
import io.auditflow.inbox.InboxService;
import io.auditflow.inbox.InboxTask;
import io.auditflow.inbox.TaskCounts;
import io.auditflow.inbox.TaskFilter;
import io.auditflow.inbox.TaskListView;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.Map;

/**
 * The compliance team's inbox: my tasks, my teams' tasks and (managers) every open task, each
 * with its count, sorted by due date and loaded page by page from the inbox projection.
 */
@Route("inbox")
@PageTitle("Inbox")
@Menu(order = 10, icon = "vaadin:inbox", title = "Inbox")
@RolesAllowed({Roles.ADMIN, Roles.COMPLIANCE_MANAGER, Roles.COMPLIANCE_MEMBER})
class InboxView extends VerticalLayout {

    final Tabs tabs = new Tabs();
    final Map<TaskListView, Tab> tabByView = new EnumMap<>(TaskListView.class);
    final ComboBox<Program> program = new ComboBox<>();
    final ComboBox<Framework> framework = new ComboBox<>();
    final ComboBox<DueWindow> due = new ComboBox<>();
    final TextField search = new TextField();
    final Grid<InboxTask> grid = new Grid<>(InboxTask.class, false);

    private final InboxService inbox;
    private TaskListView view = TaskListView.MINE;

    InboxView(InboxService inbox, ProgramService programs) {
        this.inbox = inbox;
        setSizeFull();
        addClassName("inbox-view");

        tabByView.put(TaskListView.MINE, tab("tab-mine"));
        tabByView.put(TaskListView.TEAM, tab("tab-team"));
        if (CurrentUser.canManage()) {
            tabByView.put(TaskListView.ALL, tab("tab-all"));
        }
        tabByView.values().forEach(tabs::add);
        tabs.addSelectedChangeListener(e -> {
            view = tabByView.entrySet().stream().filter(en -> en.getValue() == e.getSelectedTab())
                    .map(Map.Entry::getKey).findFirst().orElse(TaskListView.MINE);
            refresh();
        });

        program.setPlaceholder("All programs");
        program.setItems(programs.list(false));
        program.setItemLabelGenerator(Program::name);
        program.setClearButtonVisible(true);
        program.setId("filter-program");
        framework.setPlaceholder("All frameworks");
        framework.setItems(Framework.values());
        framework.setItemLabelGenerator(io.auditflow.ui.Format::label);
        framework.setClearButtonVisible(true);
        framework.setId("filter-framework");
        due.setPlaceholder("Any due date");
        due.setItems(DueWindow.values());
        due.setItemLabelGenerator(io.auditflow.ui.Format::label);
        due.setClearButtonVisible(true);
        due.setId("filter-due");
        search.setPlaceholder("Search task names");
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("filter-search");
        program.addValueChangeListener(e -> refresh());
        framework.addValueChangeListener(e -> refresh());
        due.addValueChangeListener(e -> refresh());
        search.addValueChangeListener(e -> refresh());

        grid.addComponentColumn(TaskBadges::due).setHeader("Due").setKey("due").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(InboxTask::name).setHeader("Task").setKey("name").setFlexGrow(3)
                .setTooltipGenerator(InboxTask::name);
        grid.addColumn(InboxTask::programName).setHeader("Program").setKey("program").setFlexGrow(2)
                .setTooltipGenerator(InboxTask::programName);
        grid.addColumn(InboxTask::serves).setHeader("Serves").setKey("serves").setFlexGrow(3)
                .setTooltipGenerator(InboxTask::serves);
        grid.addColumn(t -> t.assignee() == null ? "Unassigned · " + t.candidateGroup() : t.assignee())
                .setHeader("Assignee").setKey("assignee").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setPartNameGenerator(TaskBadges::rowPart);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("inbox-grid");
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setSizeFull();
        grid.setEmptyStateText("Nothing here. Tasks appear when a program's process needs your team.");

        HorizontalLayout filters = new HorizontalLayout(program, framework, due, search);
        filters.setWidthFull();
        filters.expand(search);
        filters.setAlignItems(Alignment.BASELINE);
        add(tabs, filters, grid);
        refresh();
    }

    private Tab tab(String id) {
        Tab tab = new Tab();
        tab.setId(id);
        return tab;
    }

    TaskFilter filter() {
        return new TaskFilter(view, program.getValue() == null ? null : program.getValue().id(), framework.getValue(),
                due.getValue(), search.getValue());
    }

    void refresh() {
        TaskFilter filter = filter();
        grid.setItems(query -> inbox.list(filter, query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, inbox.count(filter)));
        TaskCounts counts = inbox.counts();
        tabByView.get(TaskListView.MINE).setLabel("My tasks (" + counts.mine() + ")");
        tabByView.get(TaskListView.TEAM).setLabel("My team's tasks (" + counts.team() + ")");
        if (tabByView.containsKey(TaskListView.ALL) && counts.all() != null) {
            tabByView.get(TaskListView.ALL).setLabel("All open tasks (" + counts.all() + ")");
        }
    }

    private HorizontalLayout actions(InboxTask task) {
        HorizontalLayout box = new HorizontalLayout();
        box.setSpacing(false);
        String me = CurrentUser.username().orElse("");
        if (task.assignee() == null) {
            Button claim = new Button("Claim", e -> act(() -> inbox.claim(task.id()), "Claimed '" + task.name() + "'"));
            claim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            claim.addClassName("claim");
            box.add(claim);
        } else if (task.assignee().equals(me)) {
            Button unclaim = new Button("Unclaim", e -> act(() -> inbox.unclaim(task.id()), "Handed back to the team"));
            unclaim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            unclaim.addClassName("unclaim");
            box.add(unclaim);
        }
        return box;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notifications.success(done);
        } catch (ConflictException | NotFoundException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }

    private void open(InboxTask task) {
        getUI().ifPresent(ui -> ui.navigate("inbox/task/" + task.id()));
    }
}
