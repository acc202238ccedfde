package io.auditflow.timeline.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.auditflow.timeline.TimelineQuery;
import io.auditflow.timeline.TimelineRange;
import io.auditflow.timeline.TimelineService;
import jakarta.annotation.security.PermitAll;

/**
 * Every program's audits on one timeline. The view keeps only the filters: the drawing itself is
 * fetched by the browser from {@code /exports/timeline/drawing} (compressed, ETag-cached), so no session
 * holds it. Program names are links; lanes and markers are reachable with Tab and the arrow keys.
 */
@Route("timeline")
@PageTitle("Audit timeline")
@Menu(order = 5, icon = "vaadin:calendar-clock", title = "Timeline")
@PermitAll
class TimelineView extends VerticalLayout {

    /** Loads the drawing into the chart and, once, wires group collapse and arrow-key navigation. */
    static final String LOAD_SCRIPT = """
            const el = $0, url = $1, failed = $2;
            el.dataset.url = url;
            el.setAttribute('aria-busy', 'true');
            if (!el.__tl) {
              el.__tl = true;
              window.addEventListener('beforeprint', () => {
                const legend = el.querySelector('details.tl-legend-box');
                if (legend) legend.open = true;
              });
              el.addEventListener('click', e => {
                const b = e.target.closest && e.target.closest('button.tl-toggle');
                if (!b) return;
                const open = b.getAttribute('aria-expanded') === 'true';
                b.setAttribute('aria-expanded', String(!open));
                const list = document.getElementById(b.getAttribute('aria-controls'));
                if (list) list.hidden = open;
              });
              el.addEventListener('keydown', e => {
                const row = e.target.closest && e.target.closest('svg.tl-row');
                if (!row) return;
                const marks = Array.from(row.querySelectorAll('g.mk'));
                const i = marks.indexOf(e.target.closest('g.mk'));
                let next = null;
                if (e.key === 'ArrowRight') next = marks[i + 1] || marks[0];
                else if (e.key === 'ArrowLeft') next = i <= 0 ? marks[marks.length - 1] : marks[i - 1];
                else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                  const rows = Array.from(el.querySelectorAll('ul:not([hidden]) svg.tl-row'));
                  next = rows[rows.indexOf(row) + (e.key === 'ArrowDown' ? 1 : -1)];
                } else if (e.key === 'Escape' && i >= 0) next = row;
                else if (e.key === 'Enter') {
                  const a = row.closest('li').querySelector('a');
                  if (a) { e.preventDefault(); a.click(); }
                  return;
                }
                if (next) { e.preventDefault(); next.focus(); }
              });
            }
            // the page may have started this very fetch while Vaadin loaded (TimelinePrefetch); use it once
            const pre = window.afTimeline;
            window.afTimeline = null;
            const get = () => fetch(url, {credentials: 'same-origin', headers: {'Accept': 'text/html'}});
            (pre && pre.url === url ? pre.answer.then(r => r || get()) : get())
              .then(r => r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status)))
              .then(html => {
                if (el.dataset.url !== url) return;
                el.innerHTML = html;
                performance.mark('tl-inserted');
                // a phone keeps the legend folded so the lanes start on the first screen
                const legend = el.querySelector('details.tl-legend-box');
                if (legend && window.matchMedia('(max-width: 700px)').matches) legend.open = false;
                el.removeAttribute('aria-busy');
                el.dispatchEvent(new CustomEvent('timeline-loaded'));
              })
              .catch(err => {
                if (el.dataset.url !== url) return;
                el.removeAttribute('aria-busy');
                el.textContent = failed.replace('{0}', err.message);
              });
            """;

    final Select<TimelineRange> zoom = new Select<>();
    final Details filters = new Details();
    final ProgramFilter filter;
    final TextField search = new TextField(io.auditflow.ui.Format.text("timeline.program"));
    final Checkbox atRisk = new Checkbox(io.auditflow.ui.Format.text("timeline.atRisk"));
    final Select<TimelineQuery.Grouping> grouping = new Select<>();
    final Div chart = new Div();
    final Anchor csv = new Anchor("", io.auditflow.ui.Format.text("timeline.csv"));
    String drawingUrl;

    TimelineView(TimelineService timelines) {
        addClassName("timeline-view");
        setWidthFull();
        filter = new ProgramFilter(timelines.activePrograms(), this::refresh);
        search.setPlaceholder(io.auditflow.ui.Format.text("timeline.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(TimelineQuery.MAX_SEARCH);
        search.setId("timeline-search");
        search.addValueChangeListener(e -> refresh());
        atRisk.setId("timeline-at-risk");
        atRisk.addValueChangeListener(e -> refresh());
        grouping.setLabel(io.auditflow.ui.Format.text("timeline.groupBy"));
        grouping.setItems(TimelineQuery.Grouping.values());
        grouping.setItemLabelGenerator(io.auditflow.ui.Format::label);
        grouping.setValue(TimelineQuery.Grouping.NONE);
        grouping.setId("timeline-group");
        grouping.addValueChangeListener(e -> refresh());
        zoom.setLabel(io.auditflow.ui.Format.text("timeline.range"));
        zoom.setItems(TimelineRange.values());
        zoom.setItemLabelGenerator(io.auditflow.ui.Format::label);
        zoom.setValue(TimelineRange.DEFAULT);
        zoom.setId("timeline-range");
        zoom.addValueChangeListener(e -> refresh());
        Button print = new Button(io.auditflow.ui.Format.text("timeline.print"), new Icon(VaadinIcon.PRINT),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        print.setId("print-timeline");
        csv.setId("timeline-csv");
        csv.getElement().setAttribute("router-ignore", true);
        csv.getElement().setAttribute("download", true);
        csv.addClassName("no-print");
        Anchor dashboard = new Anchor("dashboard", io.auditflow.ui.Format.text("timeline.toDashboard"));
        dashboard.addClassName("no-print");
        // "1 year back, 3 ahead" / "1 Jahr zurück, 3 voraus" in full: at 13.5em the end fell under Lumo's fade
        zoom.setMinWidth("15.5em");
        HorizontalLayout filterRow = new HorizontalLayout(filter, search, atRisk, grouping, zoom);
        filterRow.setAlignItems(Alignment.BASELINE);
        filterRow.addClassName("timeline-toolbar");
        filterRow.setWrap(true);
        filters.setSummaryText(io.auditflow.ui.Format.text("timeline.filters"));
        filters.add(filterRow);
        filters.setOpened(true);
        filters.setWidthFull();
        filters.setId("timeline-filters");
        filters.addClassName("no-print");
        // on a phone the filters fold away so the drawing starts on the first screen
        io.auditflow.ui.ScreenWidth.follow(this, width -> filters.setOpened(!(width > 0 && width < io.auditflow.ui.ScreenWidth.NARROW)));
        HorizontalLayout toolbar = new HorizontalLayout(print, csv, dashboard);
        toolbar.setAlignItems(Alignment.BASELINE);
        toolbar.addClassName("timeline-toolbar");
        toolbar.setWrap(true);
        chart.addClassName("timeline-chart");
        chart.setId("timeline-chart");
        chart.setWidthFull();
        add(filters, toolbar, chart);
        refresh();
    }

    TimelineQuery query() {
        return new TimelineQuery(zoom.getValue(), filter.selectedFrameworks(), filter.selectedOwner(), search.getValue(),
                atRisk.getValue(), grouping.getValue());
    }

    void refresh() {
        TimelineQuery q = query();
        drawingUrl = Urls.drawing(q, io.auditflow.ui.Format.locale());
        csv.setHref(Urls.milestonesCsv(q, io.auditflow.ui.Format.locale()));
        chart.getElement().executeJs(LOAD_SCRIPT, chart.getElement(), drawingUrl, io.auditflow.ui.Format.text("timeline.loadFailed"));
    }
}
