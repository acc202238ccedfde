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
import io.auditflow.common.Formats;
import io.auditflow.identity.Names;
import io.auditflow.program.ProgramService;
import io.auditflow.security.Roles;
import io.auditflow.ui.Format;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The audit trail for admins: filter by person, action, text and days; export as CSV; verify the chain. */
@Route("admin/audit")
@PageTitle("Audit trail")
@Menu(order = 93, icon = "vaadin:clipboard-check", title = "Audit trail")
@RolesAllowed(Roles.ADMIN)
class AuditTrailView extends VerticalLayout {

    final TextField actor = new TextField(Format.text("auditTrail.person"));
    final ComboBox<String> action = new ComboBox<>(Format.text("auditTrail.action"));
    final TextField text = new TextField(Format.text("auditTrail.search"));
    final DatePicker from = new DatePicker(Format.text("auditTrail.from"));
    final DatePicker to = new DatePicker(Format.text("auditTrail.to"));
    final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    final Button verify = new Button(Format.text("auditTrail.verify"), new Icon(VaadinIcon.CHECK_CIRCLE_O));
    /** Seconds matter in a trail; the day is written the reader's way. */
    private final DateTimeFormatter timeFormat = DateTimeFormatter.ofPattern(Formats.datePattern(Format.locale()) + " HH:mm:ss");
    final Span verdict = new Span();

    private final AuditTrail trail;
    /** Names the targets of the rows the grid fetches; a field so a test can count its look-ups. */
    AuditTargets.Lookup lookup;
    /** The "On" words of the rows fetched last (by sequence number), filled as the grid fetches them. */
    private final Map<Long, String> on = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > 2_000;
        }
    };

    private final ProgramService programs;
    private final Names names;
    private record Named(String typed, List<String> targets) {
    }

    private volatile Named named = new Named("", List.of());

    AuditTrailView(AuditTrail trail, ProgramService programs, Names names) {
        this.trail = trail;
        this.programs = programs;
        this.names = names;
        this.lookup = lookup(programs, names);
        setSizeFull();
        addClassName("audit-trail");

        java.util.Locale reader = Format.locale(); // also for the download, which runs outside the UI's request
        actor.setId("audit-actor");
        actor.setPlaceholder(Format.text("auditTrail.personPlaceholder"));
        action.setId("audit-action");
        action.setItems(trail.actions());
        action.setItemLabelGenerator(code -> AuditWords.action(code, reader));
        action.setPlaceholder(Format.text("auditTrail.all"));
        action.setClearButtonVisible(true);
        text.setId("audit-search");
        text.setPlaceholder(Format.text("auditTrail.searchPlaceholder"));
        text.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        from.setId("audit-from");
        to.setId("audit-to");
        Format.pickers(from, to);
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
            trail.exportCsv(filter(), out, reader);
            byte[] csv = out.toString().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(csv), "audit-trail.csv", "text/csv; charset=UTF-8",
                    csv.length);
        }), Format.text("auditTrail.export"));
        export.setId("audit-export");
        export.setDownload(true);

        verify.setId("audit-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_SMALL);
        verify.addClickListener(e -> showVerification(trail.verify()));
        verdict.setId("audit-verdict");
        // A long verdict wraps on a phone instead of widening the page.
        verdict.getStyle().set("white-space", "normal").set("max-width", "100%").set("overflow-wrap", "anywhere");

        grid.addColumn(AuditEntry::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> time(e.at())).setHeader(Format.text("auditTrail.column.time")).setAutoWidth(true).setFlexGrow(0).setKey("time");
        grid.addColumn(AuditEntry::actor).setHeader(Format.text("auditTrail.person")).setAutoWidth(true).setFlexGrow(0).setKey("actor");
        // words for people; the code (what the API, the CSV and the hash chain hold) in the tooltip
        grid.addColumn(e -> AuditWords.action(e.action(), reader)).setHeader(Format.text("auditTrail.action")).setAutoWidth(true)
                .setFlexGrow(0).setKey("action").setTooltipGenerator(AuditEntry::action);
        // the program's, person's or team's name; the stored target (what the API, the CSV and the chain hold) in the tooltip
        grid.addColumn(e -> on.getOrDefault(e.seq(), e.target() == null ? "" : e.target()))
                .setHeader(Format.text("auditTrail.column.on")).setAutoWidth(true).setFlexGrow(1).setKey("target")
                .setTooltipGenerator(AuditEntry::target);
        grid.addColumn(e -> AuditWords.details(e.action(), e.details(), reader)).setHeader(Format.text("auditTrail.column.details"))
                .setFlexGrow(3).setKey("details").setTooltipGenerator(e -> AuditWords.details(e.action(), e.details(), reader));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(query -> worded(trail.page(filter(), query.getOffset(), query.getLimit())).stream(),
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

    /** Words the targets of one fetch's rows (one look-up per kind) before the grid shows them. */
    private List<AuditEntry> worded(List<AuditEntry> rows) {
        on.putAll(AuditTargets.of(rows, lookup));
        return rows;
    }

    /** Programs by one query per fetch; people and teams by {@link Names}, which holds them all (one owner of that rule). */
    private static AuditTargets.Lookup lookup(ProgramService programs, Names names) {
        return new AuditTargets.Lookup() {
            @Override
            public Map<Long, String> programs(Set<Long> ids) {
                return programs.names(ids);
            }

            @Override
            public Map<String, String> people(Set<String> usernames) {
                return usernames.stream().filter(u -> !names.person(u).equals(u))
                        .collect(Collectors.toMap(u -> u, names::person));
            }

            @Override
            public Map<String, String> teams(Set<String> codes) {
                return codes.stream().filter(c -> !names.team(c).equals(c)).collect(Collectors.toMap(c -> c, names::team));
            }
        };
    }

    AuditFilter filter() {
        return new AuditFilter(actor.getValue(), action.getValue(), text.getValue(), from.getValue(), to.getValue(),
                named(text.getValue()));
    }

    /** The stored targets called what was typed, looked up once per typed text (the grid asks for its count and rows). */
    private List<String> named(String typed) {
        Named last = named;
        if (!last.typed().equals(typed)) {
            last = new Named(typed, AuditTargets.named(typed, part -> programs.idsNamed(part, AuditFilter.MAX_NAMED),
                    names::usernamesNamed, names::teamsNamed));
            named = last;
        }
        return last.targets();
    }

    void showVerification(AuditVerification v) {
        verdict.getElement().getThemeList().clear();
        verdict.getElement().getThemeList().add("badge");
        if (v.intact()) {
            verdict.setText(Format.text("auditTrail.intact", String.valueOf(v.checked()), v.headHash().substring(0, 16)));
            verdict.getElement().getThemeList().add("success");
        } else {
            verdict.setText(Format.text("auditTrail.broken", String.valueOf(v.firstBad()), Format.service(v.reason())));
            verdict.getElement().getThemeList().add("error");
        }
    }

    private String time(Instant at) {
        return timeFormat.format(at.atZone(trail.zone()));
    }
}
