package io.auditflow.timeline.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Role;
import io.auditflow.timeline.Dashboard;
import io.auditflow.timeline.DashboardService;
import io.auditflow.timeline.LifecycleFigures;
import io.auditflow.timeline.TimelineQuery;
import io.auditflow.timeline.TimelineRange;
import io.auditflow.timeline.TimelineService;
import io.auditflow.ui.Format;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The executive's three questions answered at the top (certificates, SOC 2 coverage, audits in the
 * next 90 days, plus everything overdue or missed); each answer opens the list behind it in one lazy
 * grid. Below: open findings by kind and open observation windows. Read-only.
 * <p>Memory (decision 0156): the view keeps no {@link Dashboard}. One is computed for a round trip and
 * dropped before the response leaves; a grid that asks for more rows later gets a fresh one. Grid cells
 * are {@link LitRenderer} templates (drawn in the browser), not a component per cell.
 */
@Route("dashboard")
@PageTitle("Audit dashboard")
@Menu(order = 6, icon = "vaadin:dashboard", title = "Dashboard")
@PermitAll
class DashboardView extends VerticalLayout {

    static final List<String> FINDING_KINDS = List.of("SOC2_EXCEPTION", "MAJOR_NONCONFORMITY", "MINOR_NONCONFORMITY",
            "OBSERVATION");

    final ProgramFilter filter;
    final TextField search = new TextField(Format.text("timeline.program"));
    final Div answers = new Div();
    final H3 listTitle = new H3();
    final Grid<Dashboard.Row> list = new Grid<>();
    final Anchor listCsv = new Anchor("", Format.text("dashboard.listCsv"));
    final Anchor board = new Anchor("", Format.text("dashboard.board"));
    final Grid<Dashboard.OpenWindow> windows = new Grid<>();
    final Div findings = new Div();
    final Div trends = new Div();
    private final DashboardService dashboards;
    /** The dashboard of the current round trip only (see {@link #dashboard()}); null between requests. */
    private Dashboard current;
    private boolean forgetRequested;
    String selected = "attention";

    DashboardView(DashboardService dashboards, TimelineService timelines, DashboardPrefetch prefetch) {
        this.dashboards = dashboards;
        addClassName("dashboard-view");
        setWidthFull();
        filter = new ProgramFilter(timelines.activePrograms(), this::refresh);
        search.setPlaceholder(Format.text("timeline.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(TimelineQuery.MAX_SEARCH);
        search.setId("dashboard-search");
        search.addValueChangeListener(e -> refresh());
        board.setId("board-report");
        board.getElement().setAttribute("router-ignore", true);
        board.getElement().setAttribute("download", true);
        board.addClassName("no-print");
        boolean mayReport = CurrentUser.hasRole(Role.EXECUTIVE) || CurrentUser.hasRole(Role.ADMIN)
                || CurrentUser.hasRole(Role.COMPLIANCE_MANAGER);
        board.setVisible(mayReport);
        Anchor back = new Anchor("timeline", Format.text("dashboard.toTimeline"));
        back.addClassName("no-print");
        HorizontalLayout toolbar = new HorizontalLayout(filter, search, board, back);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.setWrap(true);

        answers.setId("dashboard-answers");
        answers.addClassName("answers");
        answers.getElement().setAttribute("role", "group");
        answers.getElement().setAttribute("aria-label", Format.text("dashboard.answersLabel"));

        list.setId("dashboard-list");
        list.addColumn(LitRenderer.<Dashboard.Row>of(PROGRAM_LINK)
                        .withProperty("id", Dashboard.Row::programId).withProperty("name", Dashboard.Row::program))
                .setHeader(Format.text("timeline.program")).setFlexGrow(1).setResizable(true);
        list.addColumn(Dashboard.Row::what).setHeader(Format.text("dashboard.what")).setFlexGrow(2);
        list.addColumn(r -> Format.date(r.date())).setHeader(Format.text("dashboard.date")).setAutoWidth(true).setFlexGrow(0);
        // A fixed width that holds the longest state ("Covered, earlier gap"): auto width is measured before the
        // badges render and cut "Lapsed" at 1440 px.
        list.addColumn(LitRenderer.<Dashboard.Row>of("<span class=\"tone tone-${item.tone}\">${item.state}</span>")
                        .withProperty("tone", r -> r.tone().name().toLowerCase(Locale.ROOT)).withProperty("state", Dashboard.Row::state))
                .setHeader(Format.text("dashboard.state"))
                .setWidth("13em").setFlexGrow(0);
        list.setPageSize(50);
        list.setHeight("26rem");
        list.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        listCsv.setId("dashboard-list-csv");
        listCsv.getElement().setAttribute("router-ignore", true);
        listCsv.getElement().setAttribute("download", true);
        listCsv.addClassName("no-print");
        HorizontalLayout listHead = new HorizontalLayout(listTitle, listCsv);
        listHead.setAlignItems(Alignment.BASELINE);
        Div listCard = card(null, new Div(listHead, list));
        listCard.addClassName("wide");
        listCard.setId("dashboard-list-card");

        windows.setId("open-windows");
        windows.addColumn(LitRenderer.<Dashboard.OpenWindow>of(PROGRAM_LINK)
                        .withProperty("id", Dashboard.OpenWindow::programId).withProperty("name", Dashboard.OpenWindow::program))
                .setHeader(Format.text("timeline.program"))
                .setAutoWidth(true).setFlexGrow(0);
        windows.addColumn(w -> Format.text("dashboard.window.left", Format.period(w.start(), w.end()), String.valueOf(w.daysLeft())))
                .setHeader(Format.text("dashboard.window")).setAutoWidth(true).setFlexGrow(0);
        windows.addColumn(DashboardView::activities).setHeader(Format.text("dashboard.activities")).setFlexGrow(1);
        windows.setPageSize(50);
        windows.setHeight("16rem");
        windows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        findings.setId("open-findings");
        findings.addClassName("finding-tiles");

        trends.setId("trends");
        trends.addClassName("trends");
        Div windowsCard = wide(card(Format.text("dashboard.windows"), windows));
        windowsCard.setId("open-windows-card");
        Div content = new Div(listCard, card(Format.text("dashboard.findings"), findings),
                card(Format.text("dashboard.trends"), trends), windowsCard);
        content.addClassName("dashboard-grid");
        content.setWidthFull();
        H2 title = new H2(Format.text("title.DashboardView"));
        title.addClassName("dash-title");
        add(title, toolbar, answers, content);
        refresh(prefetched(prefetch));
        // Below the first screen: the open windows' rows are asked for when their card scrolls near (or the page is
        // printed), not in the first response, whose grid rows are most of the browser's work (decision 0174).
        getElement().executeJs("const view = this, card = $0;"
                + " const show = () => { if (!view.afWindows) { view.afWindows = true; view.$server.showWindows(); } };"
                + " const seen = new IntersectionObserver(e => { if (e.some(x => x.isIntersecting)) { seen.disconnect(); show(); } },"
                + " {rootMargin: '200px'}); seen.observe(card); window.addEventListener('beforeprint', show, {once: true});",
                windowsCard);
    }

    /** Whether the open windows' grid has its rows (see the constructor); Karibu tests call {@link #showWindows()}. */
    boolean windowsShown;

    /** Gives the open windows' grid its rows: called by the browser when the card comes near the screen. */
    @com.vaadin.flow.component.ClientCallable
    void showWindows() {
        windowsShown = true;
        windows.setItems(query -> dashboard().openWindows().stream().skip(query.getOffset()).limit(query.getLimit()),
                query -> dashboard().openWindows().size());
    }

    /** The page {@link DashboardPrefetch} started while Vaadin loaded, if it is the one shown first. */
    private DashboardService.Page prefetched(DashboardPrefetch prefetch) {
        com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (prefetch == null || session == null || session.getSession() == null || !TimelineQuery.all().equals(query())) {
            return null;
        }
        return prefetch.take(session.getSession().getId(), Format.locale()).orElse(null);
    }

    TimelineQuery query() {
        return new TimelineQuery(TimelineRange.DEFAULT, filter.selectedFrameworks(), filter.selectedOwner(),
                search.getValue(), false, TimelineQuery.Grouping.NONE);
    }

    /**
     * The dashboard for the filters shown, computed at most once per round trip: the answers, findings and the
     * grids' first pages of one response share it, and it is dropped once the response is written (after the
     * grids have fetched their rows), so no session keeps its hundreds of rows between requests.
     */
    Dashboard dashboard() {
        if (current == null) {
            current = dashboards.dashboard(query(), Format.locale());
        }
        if (!forgetRequested) {
            forgetRequested = true;
            // Twice deferred: the grids fetch in their own before-response step of this round; ours runs after it.
            getElement().getNode().runWhenAttached(ui -> ui.beforeClientResponse(this,
                    first -> ui.beforeClientResponse(this, second -> forget())));
        }
        return current;
    }

    private void forget() {
        current = null;
        forgetRequested = false;
    }

    /** For tests: the figures the page shows now. */
    Dashboard shown() {
        return dashboard();
    }

    void refresh() {
        refresh(null);
    }

    /** Shows the figures for the filters, from {@code page} when it is already computed for them. */
    private void refresh(DashboardService.Page page) {
        TimelineQuery q = query();
        forget();
        if (page == null) {
            page = dashboards.page(q, Format.locale());
        }
        current = page.dashboard();
        Dashboard shown = dashboard();
        board.setHref(Urls.board(q, Format.locale()));
        answers.removeAll();
        for (Dashboard.Answer a : shown.answers()) {
            Span title = new Span(a.title());
            title.addClassName("answer-title");
            Span words = new Span(a.words());
            words.addClassName("answer-words");
            NativeButton tile = new NativeButton();
            tile.add(title, words);
            tile.setId("answer-" + a.key());
            tile.addClassNames("answer", "tone-" + a.tone().name().toLowerCase(Locale.ROOT));
            tile.getElement().setAttribute("data-key", a.key());
            tile.addClickListener(e -> show(a.key()));
            answers.add(tile);
        }
        if (windowsShown) {
            showWindows();
        }
        findings.removeAll();
        if (shown.findingsByKind() == null) {
            findings.add(new Paragraph(Format.text("dashboard.findingsUntracked")));
        } else {
            Map<String, Long> counts = shown.findingsByKind();
            for (String kind : FINDING_KINDS) {
                long n = counts.getOrDefault(kind, 0L);
                Span number = new Span(String.valueOf(n));
                number.addClassName("tile-number");
                Span label = new Span(Format.text("dashboard.kind." + kind));
                label.addClassName("tile-label");
                Div tile = new Div(number, label);
                tile.addClassName("tile");
                tile.getElement().setAttribute("data-kind", kind);
                tile.getElement().getClassList().set("alarm", n > 0 && kind.equals("MAJOR_NONCONFORMITY"));
                findings.add(tile);
            }
        }
        trends.removeAll();
        List<DashboardService.MonthTrend> months = page.trends();
        if (months.isEmpty()) {
            trends.add(new Paragraph(Format.text("dashboard.trendsUnavailable")));
        } else {
            trends.add(new Div(new H4(Format.text("dashboard.trend.overdue")), new Html(TrendChart.overdue(months, Format.locale()))),
                    new Div(new H4(Format.text("dashboard.trend.activities")),
                            new Html(TrendChart.activities(months, Format.locale()))));
        }
        show(selected);
    }

    /** Opens the list behind an answer. */
    void show(String key) {
        selected = key;
        Dashboard shown = dashboard();
        int size = shown.list(key).size();
        Dashboard.Answer answer = shown.answers().stream().filter(a -> a.key().equals(key)).findFirst().orElseThrow();
        listTitle.setText(answer.title() + " (" + size + ")");
        list.setItems(query -> dashboard().list(key).stream().skip(query.getOffset()).limit(query.getLimit()), query -> size);
        listCsv.setHref(Urls.dashboardCsv(key, query(), Format.locale()));
        // An empty list is said by its title ("Overdue or missed (0)"): no empty 26rem grid and no empty CSV.
        list.setVisible(size > 0);
        listCsv.setVisible(size > 0);
        answers.getChildren().forEach(c -> c.getElement().setAttribute("aria-pressed",
                String.valueOf(key.equals(c.getElement().getAttribute("data-key")))));
    }

    /** A program's name as a link to its page (as an {@code Anchor} would render it), or plain text without a program. */
    static final String PROGRAM_LINK = "${item.id == null ? item.name : html`<a href=\"programs/${item.id}\">${item.name}</a>`}";

    private static String activities(Dashboard.OpenWindow w) {
        if (w.activities() == null) {
            return Format.text("dashboard.activities.untracked");
        }
        if (w.activities().isEmpty()) {
            return Format.text("dashboard.activities.none");
        }
        return w.activities().stream()
                .map((LifecycleFigures.ActivityProgress a) -> a.activityName() + " " + a.done() + "/" + a.expected()
                        + (a.overdue() > 0 ? " " + Format.text("dashboard.activities.overdue", String.valueOf(a.overdue())) : ""))
                .collect(Collectors.joining(" · "));
    }

    private static Div wide(Div card) {
        card.addClassName("wide");
        return card;
    }

    private static Div card(String title, Component body) {
        Div card = title == null ? new Div(body) : new Div(new H3(title), body);
        card.addClassName("dash-card");
        return card;
    }
}
