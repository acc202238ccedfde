package io.auditflow.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.auditflow.common.Messages;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one place that gives Vaadin's own words (the texts its components bring, read aloud or shown:
 * "Select All", "Show password", "Toggle navigation panel", "More options") the reader's language from
 * the bundle ({@code vaadin.*}). Where Flow offers an API (app layout, drawer toggle, menu bar) the
 * shell and {@link #menuBar()} use it; where it does not (the grid's selection checkboxes, the password
 * field's reveal button), one small script per page gives the web components the same words before
 * they render, so views and dialogs need nothing of their own. Upload texts: {@link UploadTexts};
 * date pickers: {@link Format#pickers}.
 */
@Component
public class ComponentWords implements VaadinServiceInitListener {

    /** Bundle key of each word the script hands to the web components. */
    static final Map<String, String> CLIENT_KEYS = clientKeys();

    private static Map<String, String> clientKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("selectAll", "vaadin.grid.selectAll");
        keys.put("selectRow", "vaadin.grid.selectRow");
        keys.put("reveal", "vaadin.password.reveal");
        return keys;
    }

    /*
     * Wraps the renderers of the grid's selection column and the connect of password fields, reading the words from window.__afWords at render time (so running it again after a change
     * of language only swaps the words), and renames checkboxes already on the page.
     */
    private static final String SCRIPT = """
            const words = $0; const first = !window.__afWords; window.__afWords = words;
            const rename = () => {
              document.querySelectorAll('vaadin-checkbox.vaadin-grid-select-all-checkbox')
                .forEach(c => c.accessibleName = window.__afWords.selectAll);
              // rows rendered before the renderers were wrapped: render them again, now with the reader's words
              document.querySelectorAll('vaadin-grid').forEach(g => { if (g.querySelector('vaadin-grid-flow-selection-column')) g.requestContentUpdate(); });
              document.querySelectorAll('vaadin-password-field')
                .forEach(p => p.i18n = Object.assign({}, p.i18n, { reveal: window.__afWords.reveal }));
            };
            if (!first) { rename(); return; }
            const wrap = (tag, name, after) => customElements.whenDefined(tag).then(() => {
              const proto = customElements.get(tag).prototype; const own = proto[name];
              if (typeof own !== 'function') return;
              proto[name] = function (...args) { const r = own.apply(this, args); try { after(this, args); } catch (e) { } return r; };
            });
            // each on its own: a component not on this page may never be defined, and must not hold up the rest
            wrap('vaadin-grid-flow-selection-column', '_defaultHeaderRenderer', (col, [root]) => {
              if (root.firstElementChild) root.firstElementChild.accessibleName = window.__afWords.selectAll; }).then(rename);
            wrap('vaadin-grid-flow-selection-column', '_defaultRenderer', (col, [root]) => {
              if (root.firstElementChild) root.firstElementChild.accessibleName = window.__afWords.selectRow; }).then(rename);
            wrap('vaadin-password-field', 'connectedCallback', p => {
              p.i18n = Object.assign({}, p.i18n, { reveal: window.__afWords.reveal }); }).then(rename);
            // the field writes its reveal label from its default i18n again after our words were set (seen in
            // Chromium on the account page), so the one method that writes the label gets the reader's word
            customElements.whenDefined('vaadin-password-field').then(() => {
              const proto = customElements.get('vaadin-password-field').prototype; const own = proto.__updateAriaLabel;
              if (typeof own !== 'function') return;
              proto.__updateAriaLabel = function (i18n) { return own.call(this, Object.assign({}, i18n, { reveal: window.__afWords.reveal })); };
            }).then(rename);
            """;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        // before the first response of every page (sign-in included), when the reader's language is settled
        event.getSource().addUIInitListener(e -> {
            UI ui = e.getUI();
            ui.beforeClientResponse(ui, context -> install(ui));
        });
    }

    /** Hands the reader's words to the web components of this page; English readers keep Vaadin's own. */
    static void install(UI ui) {
        Locale locale = Messages.language(ui.getLocale());
        if (Locale.ENGLISH.equals(locale)) {
            return;
        }
        elemental.json.JsonObject words = elemental.json.Json.createObject();
        CLIENT_KEYS.forEach((name, key) -> words.put(name, Messages.get(key, locale)));
        ui.getPage().executeJs(SCRIPT, words);
    }

    /**
     * A menu bar's overflow button ("More options") in the reader's words, through Flow's own i18n: the page
     * script's words alone did not reach the button of a menu bar in a grid row (Flow sends its i18n, default
     * or not, after the element connected), so every menu bar of the app is made through here.
     */
    public static MenuBar menuBar() {
        MenuBar menu = new MenuBar();
        menu.setI18n(new MenuBar.MenuBarI18n().setMoreOptions(Format.text("vaadin.menuBar.moreOptions")));
        return menu;
    }

    /** The shell's own components: the drawer and its toggle. */
    static void shell(AppLayout layout, DrawerToggle toggle) {
        layout.setI18n(new AppLayout.AppLayoutI18n().setDrawer(Format.text("vaadin.appLayout.drawer")));
        toggle.setAriaLabel(Format.text("vaadin.drawerToggle"));
    }
}
