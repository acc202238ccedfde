package io.auditflow.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.auditflow.audit.AuditEntry;
import io.auditflow.audit.AuditFilter;
import io.auditflow.audit.AuditTrail;
import io.auditflow.audit.AuditVerification;
import io.auditflow.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The audit trail for admins: filter by person, action, text and days; export as CSV; verify the chain. */
@Route("admin/audit")
@PageTitle("Audit trail")
@Menu(order = 93, icon = "vaadin:clipboard-check", title = "Audit trail")
@RolesAllowed(Roles.ADMIN)
class AuditTrailView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final TextField actor = new TextField("Person");
    final ComboBox<String> action = new ComboBox<>("Action");
    final TextField text = new TextField("Search");
    final DatePicker from = new DatePicker("From");
    final DatePicker to = new DatePicker("To");
    final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    final Button verify = new Button("Verify chain", new Icon(VaadinIcon.CHECK_CIRCLE_O));
    final Span verdict = new Span();

    private final AuditTrail trail;

    AuditTrailView(AuditTrail trail) {
        this.trail = trail;
        setSizeFull();
        addClassName("audit-trail");

        actor.setId("audit-actor");
        actor.setPlaceholder("user name");
        action.setId("audit-action");
        action.setItems(trail.actions());
        action.setPlaceholder("All");
        action.setClearButtonVisible(true);
        text.setId("audit-search");
        text.setPlaceholder("Target or details");
        text.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        from.setId("audit-from");
        to.setId("audit-to");
        io.auditflow.ui.Format.pickers(from, to);
        for (var field : new TextField[] {actor, text}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        action.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            StringWriter out = new StringWriter();
            trail.exportCsv(filter(), out);
            byte[] csv = out.toString().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "audit-trail.csv", "text/csv; charset=UTF-8",
                    csv.length);
        }), "Export CSV");
        export.setId("audit-export");
        export.setDownload(true);

        verify.setId("audit-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_SMALL);
        verify.addClickListener(e -> showVerification(trail.verify()));
        verdict.setId("audit-verdict");
        // A long verdict wraps on a phone instead of widening the page.
        verdict.getStyle().set("white-space", "normal").set("max-width", "100%").set("overflow-wrap", "anywhere");

        grid.addColumn(AuditEntry::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> time(e.at())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("Person").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::target).setHeader("On").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(e -> e.details() == null ? "" : e.details()).setHeader("Details").setFlexGrow(3)
                .setTooltipGenerator(e -> e.details() == null ? "" : e.details());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(query -> trail.page(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, trail.count(filter())));
        grid.setId("audit-grid");
        grid.setSizeFull();
        grid.setMinHeight("18em");

        FlexLayout filters = new FlexLayout(actor, action, text, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout tools = new HorizontalLayout(export, verify, verdict);
        tools.setAlignItems(Alignment.CENTER);
        tools.setWrap(true);
        add(filters, tools, grid);
    }

    AuditFilter filter() {
        return new AuditFilter(actor.getValue(), action.getValue(), text.getValue(), from.getValue(), to.getValue());
    }

    void showVerification(AuditVerification v) {
        verdict.getElement().getThemeList().clear();
        verdict.getElement().getThemeList().add("badge");
        if (v.intact()) {
            verdict.setText("Chain intact: " + v.checked() + " entries, last hash " + v.headHash().substring(0, 16) + "…");
            verdict.getElement().getThemeList().add("success");
        } else {
            verdict.setText("Chain broken at entry " + v.firstBad() + ": " + v.reason());
            verdict.getElement().getThemeList().add("error");
        }
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(trail.zone()));
    }
}
