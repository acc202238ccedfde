package io.auditflow.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.auditflow.common.ValidationException;
import io.auditflow.search.SearchHit;
import io.auditflow.search.SearchResults;
import io.auditflow.search.SearchService;
import java.util.Optional;

/**
 * The search in the header: a button (and Ctrl+K or "/" anywhere outside a text field) opens a
 * dialog; typing lists programs, tasks, evidence files and requests grouped by kind, each a link;
 * Enter opens the first hit. What is found is {@link SearchService}'s answer for the signed-in user.
 * The dialog is built when first opened: every page carries the header, and most never search.
 */
public class GlobalSearch extends Composite<Div> {

    final Button open = new Button();
    Dialog dialog;
    TextField field;
    Div results;
    private final SearchService search;
    private SearchResults last;

    public GlobalSearch(SearchService search) {
        this.search = search;
        Div root = getContent();
        root.addClassName("global-search");
        open.setId("global-search-open");
        open.setIcon(new Icon(VaadinIcon.SEARCH));
        open.setText(Format.text("search.button"));
        open.getElement().setAttribute("aria-keyshortcuts", "Control+K /");
        open.getElement().setAttribute("title", Format.text("search.shortcut"));
        // on phones the label is hidden (CSS) and only the icon shows: the name must not depend on it
        open.getElement().setAttribute("aria-label", Format.text("search.shortcut"));
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        open.addClickListener(e -> openDialog());
        root.add(open);
    }

    private void buildDialog() {
        dialog = new Dialog();
        field = new TextField();
        results = new Div();
        dialog.setHeaderTitle(Format.text("search.title"));
        dialog.addClassName("global-search-dialog");
        dialog.getElement().setAttribute("aria-label", Format.text("search.title"));
        field.setId("global-search-field");
        field.setLabel(Format.text("search.label"));
        field.setPlaceholder(Format.text("search.placeholder"));
        field.setMaxLength(SearchService.MAX_QUERY_LENGTH);
        field.setClearButtonVisible(true);
        field.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        field.setWidthFull();
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.setValueChangeTimeout(250);
        field.addValueChangeListener(e -> run(e.getValue()));
        // Enter carries the typed text, so a quick Enter does not open a hit of an older, not yet sent text
        field.getElement().addEventListener("keydown", e -> {
            String typed = e.getEventData().hasKey("element.value") ? e.getEventData().getString("element.value") : null;
            if (typed != null && (last == null || !last.query().equals(typed.strip()))) {
                run(typed);
            }
            openFirst();
        }).setFilter("event.key === 'Enter'").addEventData("element.value");
        results.setId("global-search-results");
        results.addClassName("global-search-results");
        results.getElement().setAttribute("aria-live", "polite");
        dialog.add(field, results);
        Button close = new Button(Format.text("search.close"), e -> dialog.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        dialog.getFooter().add(close);
        getContent().add(dialog);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // Ctrl+K (Cmd+K) anywhere; "/" only outside text fields, so it can still be typed
        getElement().executeJs("window.__afSearchOpen = $0;"
                + "if (!window.__afSearchKeys) { window.__afSearchKeys = true;"
                + " document.addEventListener('keydown', e => {"
                + "  const b = window.__afSearchOpen; if (!b || !b.isConnected) return;"
                + "  const t = e.composedPath()[0];"
                + "  const typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));"
                + "  if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'k' || e.key === 'K')) { e.preventDefault(); b.click(); }"
                + "  else if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); b.click(); }"
                + " }); }", open.getElement());
    }

    void openDialog() {
        if (dialog == null) {
            buildDialog();
        }
        if (!dialog.isOpened()) {
            dialog.open();
        }
        field.focus();
    }

    void run(String q) {
        results.removeAll();
        last = null;
        field.setInvalid(false);
        if (q == null || q.isBlank()) {
            return;
        }
        try {
            last = search.search(q);
        } catch (ValidationException e) {
            field.setErrorMessage(Format.errorsFor(e, "q"));
            field.setInvalid(true);
            return;
        }
        if (q.strip().length() < SearchService.MIN_QUERY_LENGTH) {
            results.add(new Paragraph(Format.text("search.tooShort", SearchService.MIN_QUERY_LENGTH)));
            return;
        }
        if (last.groups().isEmpty()) {
            results.add(new Paragraph(Format.text("search.none", q.strip())));
            return;
        }
        for (SearchResults.Group g : last.groups()) {
            Div group = new Div();
            group.addClassName("global-search-group");
            H3 heading = new H3(Format.label(g.kind()) + " (" + g.hits().size() + ")");
            group.add(heading);
            for (SearchHit hit : g.hits()) {
                Anchor a = new Anchor(hit.link(), "");
                a.addClassName("global-search-hit");
                Span title = new Span(hit.title());
                title.addClassName("hit-title");
                Span detail = new Span(hit.detail());
                detail.addClassName("hit-detail");
                a.add(title, detail);
                if (isApi(hit.link())) {
                    a.setRouterIgnore(true);
                } else {
                    a.getElement().addEventListener("click", e -> dialog.close());
                }
                group.add(a);
            }
            results.add(group);
        }
    }

    /** Enter in the field: the first hit's page, as if it were clicked. */
    void openFirst() {
        Optional<SearchHit> first = last == null ? Optional.empty()
                : last.groups().stream().flatMap(g -> g.hits().stream()).findFirst();
        first.ifPresent(hit -> {
            dialog.close();
            if (isApi(hit.link())) {
                getUI().ifPresent(ui -> ui.getPage().setLocation(hit.link()));
            } else {
                getUI().ifPresent(ui -> ui.navigate(hit.link()));
            }
        });
    }

    private static boolean isApi(String link) {
        return link.startsWith("api/");
    }
}
