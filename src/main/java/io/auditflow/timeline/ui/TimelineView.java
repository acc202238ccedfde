package io.auditflow.timeline.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.timeline.ProgramLane;
import io.auditflow.timeline.Timeline;
import io.auditflow.timeline.TimelineRange;
import io.auditflow.timeline.TimelineService;
import jakarta.annotation.security.PermitAll;

/**
 * Every program's audits on one timeline, drawn on the server as SVG. Read-only for everyone;
 * hovering shows details, a click opens the program.
 */
@Route("timeline")
@PageTitle("Audit timeline")
@Menu(order = 5, icon = "vaadin:calendar-clock", title = "Timeline")
@PermitAll
class TimelineView extends VerticalLayout {

    final Select<TimelineRange> zoom = new Select<>();
    final ProgramFilter filter;
    final Div chart = new Div();
    final Span summary = new Span();
    private final TimelineService timelines;
    Timeline shown;

    TimelineView(TimelineService timelines) {
        this.timelines = timelines;
        addClassName("timeline-view");
        setWidthFull();
        filter = new ProgramFilter(timelines.activePrograms(), this::refresh);
        zoom.setLabel("Range");
        zoom.setItems(TimelineRange.values());
        zoom.setItemLabelGenerator(TimelineRange::label);
        zoom.setValue(TimelineRange.DEFAULT);
        zoom.setId("timeline-range");
        zoom.addValueChangeListener(e -> refresh());
        Button print = new Button("Print / PDF", new Icon(VaadinIcon.PRINT),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        print.setId("print-timeline");
        Anchor dashboard = new Anchor("dashboard", "Dashboard →");
        dashboard.addClassName("no-print");
        HorizontalLayout toolbar = new HorizontalLayout(filter, zoom, print, dashboard);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.addClassName("timeline-toolbar");
        toolbar.setWrap(true);
        summary.addClassName("timeline-summary");
        summary.setId("timeline-summary");
        chart.addClassName("timeline-chart");
        chart.setId("timeline-chart");
        chart.setWidthFull();
        add(toolbar, summary, chart);
        refresh();
    }

    void refresh() {
        shown = timelines.timeline(zoom.getValue(), filter.selectedFrameworks(), filter.selectedOwner());
        chart.getElement().setProperty("innerHTML", TimelineSvg.render(shown));
        long alarms = shown.lanes().stream().filter(ProgramLane::hasAlarm).count();
        summary.setText(shown.lanes().size() + (shown.lanes().size() == 1 ? " program" : " programs") + " · "
                + shown.from() + " to " + shown.to()
                + (alarms == 0 ? " · no coverage gaps or lapsed certificates"
                : " · " + alarms + (alarms == 1 ? " program has" : " programs have") + " a coverage gap or lapsed certificate"));
        summary.getElement().getClassList().set("alarm", alarms > 0);
    }
}
