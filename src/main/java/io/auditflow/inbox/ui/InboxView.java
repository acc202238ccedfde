package io.auditflow.inbox.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.identity.Names;
import io.auditflow.inbox.BulkResult;
import io.auditflow.inbox.DueWindow;
import io.auditflow.inbox.InboxPreferences;
import io.auditflow.inbox.InboxService;
import io.auditflow.inbox.InboxTask;
import io.auditflow.inbox.TaskCounts;
import io.auditflow.inbox.TaskFilter;
import io.auditflow.inbox.TaskListView;
import io.auditflow.inbox.TaskSort;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import io.auditflow.ui.Notifications;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The compliance team's inbox: my tasks, my teams' tasks and (managers) every open task, each
 * with its count, sorted on the server by the column the user picked (remembered), loaded page by
 * page from the inbox projection; saved filters, bulk changes for selected rows, keyboard use, and
 * a card list on phones.
 * <p>Memory (decision 0157): the grid's due badge, claim button and phone card are {@link LitRenderer}
 * templates drawn in the browser, not components per row, and the program filter loads its items when
 * opened instead of keeping every program per screen.
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
    final Select<SavedFilterChoice> saved = new Select<>();
    final Button saveFilter = new Button();
    final Details filters = new Details();
    final Grid<InboxTask> grid = new Grid<>(InboxTask.class, false);
    final Span selection = new Span();
    final Button bulkClaim = new Button();
    final Button bulkAssign = new Button();
    final Button bulkDue = new Button();
    final Span bulkResult = new Span();
    final HorizontalLayout bulkBar = new HorizontalLayout();
    /** The keyboard keys; a phone has none, and no bulk selection either. */
    final Span help = new Span();
    final Map<TaskSort.Field, Grid.Column<InboxTask>> sortable = new EnumMap<>(TaskSort.Field.class);

    private final InboxService inbox;
    private final InboxPreferences preferences;
    private final ProgramService programs;
    private final List<Grid.Column<InboxTask>> wideColumns = new ArrayList<>();
    private final Grid.Column<InboxTask> cardColumn;
    private TaskListView view = TaskListView.MINE;
    private boolean controlActivities;
    private final Names names;
    private boolean applyingSaved;
    private boolean compact;
    InboxTask focused;

    InboxView(InboxService inbox, ProgramService programs, InboxPreferences preferences, Names names) {
        this.inbox = inbox;
        this.names = names;
        this.preferences = preferences;
        this.programs = programs;
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
            if (!applyingSaved) {
                refresh();
            }
        });

        program.setPlaceholder(t("inbox.filter.allPrograms"));
        // fetched when the list opens (and per typed filter), not kept per screen: 200 programs were 200 records a session
        program.setItems(query -> programChoices(query.getFilter().orElse(""))
                .skip(query.getOffset()).limit(query.getLimit()));
        program.setItemLabelGenerator(Program::name);
        program.setClearButtonVisible(true);
        program.setId("filter-program");
        program.setAriaLabel(t("inbox.filter.program"));
        framework.setPlaceholder(t("inbox.filter.allFrameworks"));
        framework.setItems(Framework.values());
        framework.setItemLabelGenerator(io.auditflow.ui.Format::label);
        framework.setClearButtonVisible(true);
        framework.setId("filter-framework");
        framework.setAriaLabel(t("inbox.filter.framework"));
        due.setPlaceholder(t("inbox.filter.anyDue"));
        due.setItems(DueWindow.values());
        due.setItemLabelGenerator(io.auditflow.ui.Format::label);
        due.setClearButtonVisible(true);
        due.setId("filter-due");
        due.setAriaLabel(t("inbox.filter.due"));
        search.setPlaceholder(t("inbox.filter.search"));
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("filter-search");
        search.setMaxLength(200);
        for (var field : List.of(program, framework, due)) {
            field.addValueChangeListener(e -> filterChanged());
        }
        search.addValueChangeListener(e -> filterChanged());

        saved.setId("saved-filter");
        saved.setPlaceholder(t("inbox.saved.placeholder"));
        saved.setAriaLabel(t("inbox.saved.label"));
        saved.setItemLabelGenerator(c -> c == null ? t("inbox.saved.none") : c.label());
        saved.setEmptySelectionAllowed(true);
        saved.setEmptySelectionCaption(t("inbox.saved.none"));
        reloadSavedFilters();
        saved.addValueChangeListener(e -> {
            if (!applyingSaved) {
                apply(e.getValue());
            }
        });
        saveFilter.setText(t("inbox.saved.save"));
        saveFilter.setId("save-filter");
        saveFilter.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        saveFilter.addClickListener(e -> InboxDialogs.saveFilter(this, name -> {
            try {
                preferences.saveFilter(name, filter());
                reloadSavedFilters();
                Notifications.success(t("inbox.saved.done", name.strip()));
                return null;
            } catch (io.auditflow.common.ValidationException ex) {
                return io.auditflow.ui.Format.errorsFor(ex, "name");
            }
        }));

        Grid.Column<InboxTask> dueColumn = grid.addColumn(LitRenderer.<InboxTask>of(TaskBadges.DUE_TEMPLATE)
                        .withProperty("due", TaskBadges::dueText).withProperty("dueClass", TaskBadges::dueClass))
                .setHeader(t("inbox.col.due"))
                .setKey("due").setAutoWidth(true).setFlexGrow(0);
        Grid.Column<InboxTask> nameColumn = grid.addColumn(InboxView::taskName).setHeader(t("inbox.col.task"))
                .setKey("name").setFlexGrow(3).setTooltipGenerator(InboxView::taskName);
        Grid.Column<InboxTask> programColumn = grid.addColumn(InboxTask::programName).setHeader(t("inbox.col.program"))
                .setKey("program").setFlexGrow(3).setTooltipGenerator(InboxTask::programName);
        Grid.Column<InboxTask> servesColumn = grid.addColumn(InboxView::servesBeyondName).setHeader(t("inbox.col.serves"))
                .setKey("serves").setFlexGrow(2).setTooltipGenerator(InboxView::servesBeyondName);
        Grid.Column<InboxTask> assigneeColumn = grid.addColumn(this::assigneeText).setHeader(t("inbox.col.assignee"))
                .setKey("assignee").setWidth("9rem").setFlexGrow(1);
        Grid.Column<InboxTask> actionsColumn = grid.addColumn(LitRenderer.<InboxTask>of(ACTION_TEMPLATE)
                        .withProperty("act", this::actionOf)
                        .withProperty("actText", task -> switch (actionOf(task)) {
                            case "claim" -> t("inbox.claim");
                            case "unclaim" -> t("inbox.unclaim");
                            default -> "";
                        })
                        .withProperty("actTheme", task -> "claim".equals(actionOf(task)) ? "primary" : "tertiary")
                        .withFunction("act", task -> act(task)))
                .setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        // a hidden column's renderer still sends its data: desks get empty values, phones the card
        cardColumn = grid.addColumn(LitRenderer.<InboxTask>of(CARD_TEMPLATE)
                        // a card has no column header to say what its date is: "Due 2026-01-19 · due soon"
                        .withProperty("due", task -> compact ? TaskBadges.dueText(task, true) : "")
                        .withProperty("dueClass", task -> compact ? TaskBadges.dueClass(task) : "")
                        .withProperty("name", task -> compact ? taskName(task) : "")
                        .withProperty("program", task -> compact && task.programName() != null ? task.programName() : "")
                        .withProperty("who", task -> compact ? assigneeText(task) : ""))
                .setHeader(t("inbox.col.card")).setKey("card").setFlexGrow(1);
        cardColumn.setVisible(false);
        wideColumns.addAll(List.of(dueColumn, nameColumn, programColumn, servesColumn, assigneeColumn, actionsColumn));
        sortable.put(TaskSort.Field.DUE, dueColumn);
        sortable.put(TaskSort.Field.TASK, nameColumn);
        sortable.put(TaskSort.Field.PROGRAM, programColumn);
        sortable.put(TaskSort.Field.ASSIGNEE, assigneeColumn);
        sortable.forEach((field, column) -> column.setSortable(true).setSortProperty(field.code()));
        grid.setMultiSort(false);
        grid.setPartNameGenerator(TaskBadges::rowPart);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("inbox-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(e -> selectionChanged());
        // The checkbox column and the action buttons do their own thing; any other cell opens the task.
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null && !"actions".equals(e.getColumn().getKey())) {
                open(e.getItem());
            }
        });
        grid.addCellFocusListener(e -> e.getItem().ifPresent(item -> focused = item));
        Shortcuts.addShortcutListener(grid, () -> {
            if (focused != null) {
                open(focused);
            }
        }, Key.ENTER).listenOn(grid);
        Shortcuts.addShortcutListener(grid, this::claimFocused, Key.KEY_C).listenOn(grid);
        grid.setSizeFull();
        grid.setEmptyStateText(t("inbox.empty"));
        TaskSort remembered = preferences.sort();
        grid.sort(List.of(new GridSortOrder<>(sortable.get(remembered.field()),
                remembered.ascending() ? SortDirection.ASCENDING : SortDirection.DESCENDING)));
        // Every later sort (a click on a header) is remembered for the next visit.
        grid.addSortListener(e -> preferences.rememberSort(currentSort()));

        FlexLayout filterRow = new FlexLayout(saved, program, framework, due, search, saveFilter);
        filterRow.addClassName("inbox-filters");
        filterRow.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filterRow.setWidthFull();
        filters.setSummaryText(t("inbox.filters"));
        filters.add(filterRow);
        filters.setOpened(true);
        // phones (below ScreenWidth.NARROW) get cards and the filters folded away; 0 is "not known yet"
        io.auditflow.ui.ScreenWidth.follow(this, width -> setCompact(width > 0 && width < io.auditflow.ui.ScreenWidth.NARROW));
        filters.setWidthFull();
        filters.setId("inbox-filters");

        selection.setId("bulk-selection");
        bulkClaim.setText(t("inbox.bulk.claim"));
        bulkClaim.setId("bulk-claim");
        bulkClaim.addClickListener(e -> InboxDialogs.bulkClaim(this, selected()));
        bulkAssign.setText(t("inbox.bulk.assign"));
        bulkAssign.setId("bulk-assign");
        bulkAssign.addClickListener(e -> InboxDialogs.bulkAssign(this, selected(), inbox));
        bulkDue.setText(t("inbox.bulk.due"));
        bulkDue.setId("bulk-due");
        bulkDue.addClickListener(e -> InboxDialogs.bulkDueDate(this, selected()));
        bulkAssign.setVisible(CurrentUser.canManage());
        bulkDue.setVisible(CurrentUser.canManage());
        for (Button b : List.of(bulkClaim, bulkAssign, bulkDue)) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        bulkBar.add(selection, bulkClaim, bulkAssign, bulkDue);
        bulkBar.addClassName("bulk-bar");
        bulkBar.setAlignItems(Alignment.BASELINE);
        bulkBar.setId("bulk-bar");
        bulkResult.setId("bulk-result");
        bulkResult.addClassName("bulk-result");
        bulkResult.setVisible(false);

        help.setText(t("inbox.help.keys"));
        help.addClassName("inbox-help");
        help.setId("inbox-help");

        add(tabs, filters, bulkBar, bulkResult, grid, help);
        selectionChanged();
        TaskCounts counts = inbox.counts();
        // Land where the work is: nothing of one's own but team work waiting opens the team's list.
        view = counts.mine() == 0 && counts.team() > 0 ? TaskListView.TEAM : TaskListView.MINE;
        applyingSaved = true;
        tabs.setSelectedTab(tabByView.get(view));
        applyingSaved = false;
        refresh(counts);
    }

    /** Phones get one card per task (due state, task, program) and the filters folded into a drawer. */
    void setCompact(boolean phone) {
        if (phone == compact) {
            return;
        }
        compact = phone;
        wideColumns.forEach(c -> c.setVisible(!phone));
        cardColumn.setVisible(phone);
        grid.getDataCommunicator().reset();
        filters.setOpened(!phone);
        // Cards are opened with a tap; selecting rows for bulk changes is a desk job.
        grid.setSelectionMode(phone ? Grid.SelectionMode.NONE : Grid.SelectionMode.MULTI);
        bulkBar.setVisible(!phone);
        help.setVisible(!phone);
        selectionChanged();
        setClassName("inbox-phone", phone);
    }

    boolean compact() {
        return compact;
    }

    InboxService inbox() {
        return inbox;
    }

    private Tab tab(String id) {
        Tab tab = new Tab();
        tab.setId(id);
        return tab;
    }

    String t(String key, Object... params) {
        return getTranslation(key, params);
    }

    TaskFilter filter() {
        return new TaskFilter(view, program.getValue() == null ? null : program.getValue().id(), framework.getValue(),
                due.getValue(), search.getValue(), controlActivities);
    }

    /** The sort the grid shows, as the service takes it. */
    TaskSort currentSort() {
        List<GridSortOrder<InboxTask>> order = grid.getSortOrder();
        if (order.isEmpty()) {
            return TaskSort.DEFAULT;
        }
        return sortable.entrySet().stream().filter(e -> e.getValue() == order.get(0).getSorted()).findFirst()
                .map(e -> new TaskSort(e.getKey(), order.get(0).getDirection() == SortDirection.ASCENDING))
                .orElse(TaskSort.DEFAULT);
    }

    private void filterChanged() {
        if (applyingSaved) {
            return;
        }
        if (saved.getValue() != null) {
            applyingSaved = true;
            saved.clear();
            applyingSaved = false;
        }
        controlActivities = false;
        refresh();
    }

    void refresh() {
        refresh(inbox.counts());
    }

    private void refresh(TaskCounts counts) {
        TaskFilter filter = filter();
        grid.setItems(query -> inbox.list(filter, sortOf(query.getSortOrders()), query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, inbox.count(filter)));
        tabByView.get(TaskListView.MINE).setLabel(t("inbox.tab.mine", counts.mine()));
        tabByView.get(TaskListView.TEAM).setLabel(t("inbox.tab.team", counts.team()));
        if (tabByView.containsKey(TaskListView.ALL) && counts.all() != null) {
            tabByView.get(TaskListView.ALL).setLabel(t("inbox.tab.all", counts.all()));
        }
        selectionChanged();
    }

    private static TaskSort sortOf(List<QuerySortOrder> orders) {
        if (orders == null || orders.isEmpty()) {
            return TaskSort.DEFAULT;
        }
        QuerySortOrder first = orders.get(0);
        return TaskSort.parse(first.getSorted() + "," + (first.getDirection() == SortDirection.ASCENDING ? "asc" : "desc"));
    }

    // ---- saved filters ----------------------------------------------------------------------

    /** A filter in the "Saved filters" menu: one of the two built in, or one the user saved. */
    record SavedFilterChoice(String label, TaskFilter filter, boolean builtIn) {
    }

    void reloadSavedFilters() {
        List<SavedFilterChoice> choices = new ArrayList<>();
        choices.add(new SavedFilterChoice(t("inbox.saved.myOverdue"),
                new TaskFilter(TaskListView.MINE, null, null, DueWindow.OVERDUE, null), true));
        choices.add(new SavedFilterChoice(t("inbox.saved.weekControls"),
                new TaskFilter(TaskListView.TEAM, null, null, DueWindow.WEEK, null, true), true));
        preferences.savedFilters().forEach(f -> choices.add(new SavedFilterChoice(f.name(), f.filter(), false)));
        applyingSaved = true;
        saved.setItems(choices);
        applyingSaved = false;
    }

    /** Shows the saved filter's list with its values (or just clears the choice). */
    void apply(SavedFilterChoice choice) {
        if (choice == null) {
            return;
        }
        TaskFilter f = choice.filter();
        applyingSaved = true;
        try {
            TaskListView target = f.view() != null && tabByView.containsKey(f.view()) ? f.view() : TaskListView.MINE;
            view = target;
            tabs.setSelectedTab(tabByView.get(target));
            program.setValue(f.programId() == null ? null : programs.find(f.programId()).orElse(null));
            framework.setValue(f.framework());
            due.setValue(f.due());
            search.setValue(f.q() == null ? "" : f.q());
            controlActivities = f.controlActivities();
        } finally {
            applyingSaved = false;
        }
        refresh();
    }

    // ---- rows -------------------------------------------------------------------------------

    /** The task's name in the reader's language (the model's English name stays stored). */
    static String taskName(InboxTask task) {
        return io.auditflow.inbox.TaskWords.name(task.name(), io.auditflow.ui.Format.locale());
    }

    /** What the task serves, without what its own name already says (the name is in the next column). */
    static String servesBeyondName(InboxTask task) {
        Set<String> nameWords = words(taskName(task));
        List<String> parts = new ArrayList<>();
        for (String part : io.auditflow.inbox.TaskWords.serves(task, io.auditflow.ui.Format.locale()).split(" · ")) {
            String p = part.strip();
            // "User access review" adds nothing to a task called "Review user access", whatever the word order.
            if (!p.isEmpty() && !nameWords.containsAll(words(p))) {
                parts.add(p);
            }
        }
        return parts.isEmpty() ? "—" : String.join(" · ", parts);
    }

    private static Set<String> words(String text) {
        return text == null ? Set.of() : java.util.Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).collect(java.util.stream.Collectors.toSet());
    }

    private String assigneeText(InboxTask t) {
        return t.assignee() == null ? t("inbox.unassigned", names.team(t.candidateGroup())) : names.person(t.assignee());
    }

    /** A person as the assignee pickers name them: "Mia Member (member)". */
    String personChoice(String username) {
        return names.choice(username);
    }

    /** The programs the filter offers for what was typed (name contains it, any case), in name order. */
    private java.util.stream.Stream<Program> programChoices(String typed) {
        String needle = typed.strip().toLowerCase(Locale.ROOT);
        return programs.list(false).stream()
                .filter(p -> needle.isEmpty() || p.name().toLowerCase(Locale.ROOT).contains(needle));
    }

    /** A phone's card: due badge, task, program and who has it (the same words as the desk's columns). */
    static final String CARD_TEMPLATE = "<div class=\"task-card\">"
            + "<span class=\"due-badge ${item.dueClass}\">${item.due}</span>"
            + "<span class=\"card-task\">${item.name}</span>"
            + "<span class=\"card-program\">${item.program}</span>"
            + "<span class=\"card-assignee\">${item.who}</span></div>";

    /** Claim (a free task) or unclaim (one's own) as a small button; nothing on a task someone else has. */
    static final String ACTION_TEMPLATE = "<vaadin-button theme=\"small ${item.actTheme}\" class=\"${item.act}\""
            + " ?hidden=\"${!item.act}\" @click=\"${act}\">${item.actText}</vaadin-button>";

    /** "claim", "unclaim" or "" (the task is someone else's): what the row's button does. */
    private String actionOf(InboxTask task) {
        if (task.assignee() == null) {
            return "claim";
        }
        return task.assignee().equals(CurrentUser.username().orElse("")) ? "unclaim" : "";
    }

    /** The row's button: claims a free task or gives back one's own, then says so and reloads the list. */
    void act(InboxTask task) {
        switch (actionOf(task)) {
            case "claim" -> act(() -> inbox.claim(task.id()), t("inbox.claimed", taskName(task)));
            case "unclaim" -> act(() -> inbox.unclaim(task.id()), t("inbox.unclaimed"));
            default -> {
                // someone else's task: the button is not shown
            }
        }
    }

    /** The keyboard shortcut: claims the task whose row has the focus, if it is free. */
    void claimFocused() {
        if (focused != null && focused.assignee() == null) {
            InboxTask task = focused;
            act(() -> inbox.claim(task.id()), t("inbox.claimed", taskName(task)));
        }
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notifications.success(done);
        } catch (ConflictException | NotFoundException e) {
            Notifications.error(io.auditflow.ui.Format.problem(e));
        }
        refresh();
    }

    private void open(InboxTask task) {
        getUI().ifPresent(ui -> ui.navigate("inbox/task/" + task.id()));
    }

    // ---- bulk -------------------------------------------------------------------------------

    List<String> selected() {
        return grid.getSelectedItems().stream().map(InboxTask::id).toList();
    }

    Set<InboxTask> selectedTasks() {
        return grid.getSelectedItems();
    }

    private void selectionChanged() {
        int n = grid.getSelectionMode() == Grid.SelectionMode.MULTI ? grid.getSelectedItems().size() : 0;
        selection.setText(n == 0 ? t("inbox.bulk.hint") : t("inbox.bulk.selected", n));
        for (Button b : List.of(bulkClaim, bulkAssign, bulkDue)) {
            b.setEnabled(n > 0 && n <= InboxService.MAX_BULK);
        }
    }

    /** Shows the outcome of a bulk change on the page and as one message, then reloads the list. */
    void showResult(BulkResult result) {
        StringBuilder text = new StringBuilder(t("inbox.bulk.changed", result.changed()));
        if (result.unchanged() > 0) {
            text.append(", ").append(t("inbox.bulk.unchanged", result.unchanged()));
        }
        if (!result.refused().isEmpty()) {
            text.append(", ").append(t("inbox.bulk.refused", result.refused().size())).append(": ");
            List<String> why = new ArrayList<>();
            for (BulkResult.Refusal r : result.refused()) {
                String reason = r.reason(io.auditflow.ui.Format.locale());
                String task = io.auditflow.inbox.TaskWords.name(r.task(), io.auditflow.ui.Format.locale());
                String who = r.task() == null ? r.taskId() : t("inbox.bulk.task", task);
                why.add(r.task() != null && reason.contains(task) ? reason : who + ": " + reason);
            }
            text.append(String.join("; ", why));
        }
        bulkResult.setText(text.toString());
        bulkResult.setVisible(true);
        bulkResult.setClassName("has-refusals", !result.refused().isEmpty());
        if (result.refused().isEmpty()) {
            Notifications.success(text.toString());
        } else {
            Notifications.error(text.toString());
        }
        grid.deselectAll();
        refresh();
    }
}
