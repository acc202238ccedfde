package io.auditflow.timeline.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.timeline.Dashboard;
import io.auditflow.timeline.DashboardService;
import io.auditflow.timeline.LifecycleFigures;
import io.auditflow.timeline.TimelineBuilder;
import io.auditflow.timeline.TimelineService;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The figures beside the timeline: next 90 days, overdue work, findings, days left, open windows. Read-only. */
@Route("dashboard")
@PageTitle("Audit dashboard")
@Menu(order = 6, icon = "vaadin:dashboard", title = "Dashboard")
@PermitAll
class DashboardView extends VerticalLayout {

    static final List<String> FINDING_KINDS = List.of("SOC2_EXCEPTION", "MAJOR_NONCONFORMITY", "MINOR_NONCONFORMITY",
            "OBSERVATION");

    final ProgramFilter filter;
    final Grid<Dashboard.UpcomingAudit> upcoming = new Grid<>();
    final Grid<Dashboard.ProgramOverdue> overdue = new Grid<>();
    final Grid<Dashboard.Countdown> countdowns = new Grid<>();
    final Grid<Dashboard.OpenWindow> windows = new Grid<>();
    final Div findings = new Div();
    final Div headline = new Div();
    final Paragraph noOverdue = new Paragraph("No overdue tasks.");
    private final Div content = new Div();
    private final DashboardService dashboards;
    Dashboard shown;

    DashboardView(DashboardService dashboards, TimelineService timelines) {
        this.dashboards = dashboards;
        addClassName("dashboard-view");
        setWidthFull();
        filter = new ProgramFilter(timelines.activePrograms(), this::refresh);
        Anchor back = new Anchor("timeline", "← Timeline");
        back.addClassName("no-print");
        HorizontalLayout toolbar = new HorizontalLayout(filter, back);
        toolbar.setAlignItems(Alignment.BASELINE);

        upcoming.setId("upcoming-audits");
        upcoming.addColumn(u -> u.date() + (u.daysAway() == 0 ? " (today)" : " (" + u.daysAway() + " d)"))
                .setHeader("Date").setAutoWidth(true).setFlexGrow(0);
        upcoming.addComponentColumn(u -> link(u.programId(), u.program())).setHeader("Program").setFlexGrow(1);
        upcoming.addColumn(Dashboard.UpcomingAudit::milestone).setHeader("Milestone").setAutoWidth(true).setFlexGrow(0);
        upcoming.addComponentColumn(u -> status(u.status())).setHeader("Status").setAutoWidth(true).setFlexGrow(0);

        overdue.setId("overdue-tasks");
        overdue.addComponentColumn(o -> link(o.programId(), o.program())).setHeader("Program").setFlexGrow(2);
        overdue.addColumn(Dashboard.ProgramOverdue::overdueTasks).setHeader("Overdue tasks").setAutoWidth(true);

        countdowns.setId("countdowns");
        countdowns.addComponentColumn(c -> link(c.programId(), c.program())).setHeader("Program").setFlexGrow(1);
        countdowns.addColumn(c -> c.what().startsWith("Certificate") ? "ISO certificate" : "SOC 2 report")
                .setHeader("Assurance").setAutoWidth(true).setFlexGrow(0);
        countdowns.addComponentColumn(c -> {
            Span s = new Span(c.state());
            s.getElement().getThemeList().add(c.alarm() ? "badge error primary"
                    : c.days() == null ? "badge contrast" : c.days() <= 90 ? "badge" : "badge success");
            return s;
        }).setHeader("Days left").setAutoWidth(true).setFlexGrow(0);

        windows.setId("open-windows");
        windows.addComponentColumn(w -> link(w.programId(), w.program())).setHeader("Program").setAutoWidth(true)
                .setFlexGrow(0);
        windows.addColumn(w -> w.start() + " – " + w.end() + " (" + w.daysLeft() + " d left)")
                .setHeader("Observation window").setAutoWidth(true).setFlexGrow(0);
        windows.addColumn(DashboardView::activities).setHeader("Control activities: done / expected").setFlexGrow(1);

        for (Grid<?> g : List.of(upcoming, overdue, countdowns, windows)) {
            g.setAllRowsVisible(true);
            g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        }
        noOverdue.setId("no-overdue");
        findings.setId("open-findings");
        findings.addClassName("finding-tiles");
        content.addClassName("dashboard-grid");
        content.setWidthFull();
        headline.setId("dashboard-headline");
        headline.addClassName("finding-tiles");
        content.add(wide(card("Days until certificates expire and reports go stale", countdowns)),
                wide(card("Audits in the next 90 days", upcoming)),
                card("Overdue tasks per program", new Div(overdue, noOverdue)), card("Open findings by kind", findings),
                wide(card("Open observation windows", windows)));
        add(toolbar, headline, content);
        refresh();
    }

    void refresh() {
        shown = dashboards.dashboard(filter.selectedFrameworks(), filter.selectedOwner());
        headline.removeAll();
        long alarms = shown.countdowns().stream().filter(Dashboard.Countdown::alarm).count();
        int overdueTasks = shown.overdue().stream().mapToInt(Dashboard.ProgramOverdue::overdueTasks).sum();
        long expiringSoon = shown.countdowns().stream()
                .filter(c -> !c.alarm() && c.days() != null && c.days() <= 90).count();
        headline.add(tile(alarms, "coverage gaps / lapsed certificates today", alarms > 0),
                tile(shown.upcoming().size(), "audits in the next 90 days", false),
                tile(expiringSoon, "certificates or reports ending within 90 days", expiringSoon > 0),
                tile(overdueTasks, "overdue tasks", overdueTasks > 0));
        upcoming.setItems(shown.upcoming());
        overdue.setItems(shown.overdue());
        countdowns.setItems(shown.countdowns());
        windows.setItems(shown.openWindows());
        findings.removeAll();
        if (shown.findingsByKind() == null) {
            findings.add(new Paragraph("Findings are not tracked yet: they appear here once audits record them."));
        } else {
            Map<String, Long> counts = shown.findingsByKind();
            for (String kind : FINDING_KINDS) {
                long n = counts.getOrDefault(kind, 0L);
                Span number = new Span(String.valueOf(n));
                number.addClassName("tile-number");
                Span label = new Span(kindLabel(kind));
                label.addClassName("tile-label");
                Div tile = new Div(number, label);
                tile.addClassName("tile");
                tile.getElement().setAttribute("data-kind", kind);
                tile.getElement().getClassList().set("alarm", n > 0 && kind.equals("MAJOR_NONCONFORMITY"));
                findings.add(tile);
            }
        }
        overdue.setVisible(!shown.overdue().isEmpty());
        noOverdue.setVisible(shown.overdue().isEmpty());
    }

    private static Div tile(long n, String label, boolean alarm) {
        Span number = new Span(String.valueOf(n));
        number.addClassName("tile-number");
        Span text = new Span(label);
        text.addClassName("tile-label");
        Div tile = new Div(number, text);
        tile.addClassName("tile");
        tile.getElement().getClassList().set("alarm", alarm);
        return tile;
    }

    static String kindLabel(String kind) {
        return switch (kind) {
            case "SOC2_EXCEPTION" -> "SOC 2 exceptions";
            case "MAJOR_NONCONFORMITY" -> "Major nonconformities";
            case "MINOR_NONCONFORMITY" -> "Minor nonconformities";
            case "OBSERVATION" -> "Observations";
            default -> kind;
        };
    }

    private static String activities(Dashboard.OpenWindow w) {
        if (w.activities() == null) {
            return "not tracked yet";
        }
        if (w.activities().isEmpty()) {
            return "no recurring activities planned";
        }
        return w.activities().stream()
                .map((LifecycleFigures.ActivityProgress a) -> a.activityName() + " " + a.done() + "/" + a.expected()
                        + (a.overdue() > 0 ? " (" + a.overdue() + " overdue)" : ""))
                .collect(Collectors.joining(" · "));
    }

    private static Component link(Long programId, String name) {
        return new Anchor("programs/" + programId, name);
    }

    private static Component status(MilestoneStatus s) {
        Span span = new Span(TimelineBuilder.statusLabel(s));
        span.getElement().getThemeList().add(switch (s) {
            case DONE -> "badge success";
            case PLANNED -> "badge";
            case AT_RISK -> "badge contrast";
            case MISSED -> "badge error";
        });
        span.addClassName("status-" + s.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return span;
    }

    private static Div wide(Div card) {
        card.addClassName("wide");
        return card;
    }

    private static Div card(String title, Component body) {
        Div card = new Div(new H3(title), body);
        card.addClassName("dash-card");
        return card;
    }
}
