package io.auditflow.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.auditflow.security.AuditflowUser;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.SecuritySettings;
import org.springframework.security.core.context.SecurityContextHolder;
import io.auditflow.security.Role;
import io.auditflow.notification.NotificationService;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/**
 * The shell around every signed-in page. Navigation comes from the views' {@code @Menu}
 * annotations and lists only the views the user's role may open.
 * <p>The navigation is one {@link Html} element of {@code vaadin-side-nav} markup rather than a SideNav with an
 * item, a label and an icon component per view: the web components are the same and highlight the current page
 * themselves, but the server keeps 1 state node instead of about 55 for every open screen (decision 0158).
 */
@Layout
@Uses(SideNav.class)
@Uses(SideNavItem.class)
@Uses(Icon.class)
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver, BeforeEnterObserver, HasDynamicTitle {

    private final H2 pageTitle = new H2();
    private final SecuritySettings securitySettings;
    final NotificationBell bell;
    final GlobalSearch search;

    public MainLayout(AuthenticationContext authentication, SecuritySettings securitySettings,
                      NotificationService notifications, io.auditflow.search.SearchService searchService) {
        this.securitySettings = securitySettings;
        this.bell = new NotificationBell(notifications);
        setPrimarySection(Section.DRAWER);
        pageTitle.addClassName("page-title");
        this.search = new GlobalSearch(searchService);
        DrawerToggle toggle = new DrawerToggle();
        ComponentWords.shell(this, toggle);
        addToNavbar(toggle, pageTitle, search, bell);

        H1 brand = new H1("Auditflow");
        brand.addClassName("brand");
        addToDrawer(new Div(brand), new Scroller(new Html(navMarkup())), userFooter(authentication));
    }

    /** The side navigation as markup: what SideNav and SideNavItem would render, as one element. */
    static String navMarkup() {
        StringBuilder html = new StringBuilder(2048).append("<vaadin-side-nav class=\"main-nav\">");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            String icon = entry.icon() != null && entry.icon().startsWith("vaadin:") ? entry.icon() : null;
            // A span of our own in the label slot, so long labels (German ones above all) wrap instead of
            // ending in "…": the slot itself is styled nowrap with an ellipsis.
            navItem(html, entry.path(), icon, "<span class=\"nav-label\">" + escape(navLabel(entry)) + "</span>", "");
        }
        if (CurrentUser.hasRole(Role.ADMIN)) {
            // Cockpit is a separate web app under the same login; it opens outside the Vaadin router.
            navItem(html, "/camunda/app/cockpit/default/", "vaadin:cog-o",
                    escape(Format.text("nav.cockpit")), " target=\"_blank\" router-ignore");
        }
        return html.append("</vaadin-side-nav>").toString();
    }

    private static void navItem(StringBuilder html, String path, String icon, String label, String extra) {
        // as SideNavItem.setPath: relative to the app's base, URI-encoded
        String relative = com.vaadin.flow.internal.UrlUtil.encodeURI(path.startsWith("/") ? path.substring(1) : path);
        html.append("<vaadin-side-nav-item path=\"").append(escape(relative)).append('"').append(extra).append('>');
        if (icon != null) {
            html.append("<vaadin-icon icon=\"").append(escape(icon)).append("\" slot=\"prefix\"></vaadin-icon>");
        }
        html.append(label).append("</vaadin-side-nav-item>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private Div userFooter(AuthenticationContext authentication) {
        Span name = new Span(CurrentUser.displayName().orElse(""));
        name.setId("current-user");
        name.addClassName("user-name");
        Span roles = new Span(CurrentUser.roles().stream().map(Format::label).collect(Collectors.joining(", ")));
        roles.addClassName("user-roles");
        Button logout = new Button(Format.text("nav.signOut"), new Icon(VaadinIcon.SIGN_OUT), e -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("sign-out");
        Div footer = new Div(name, roles, logout);
        footer.addClassName("user-footer");
        return footer;
    }

    /** When admins must have a second factor, an admin without one can only open the account page. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!"account".equals(event.getLocation().getFirstSegment())
                && SecurityContextHolder.getContext().getAuthentication() != null
                && SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof AuditflowUser user
                && securitySettings.mustSetUpSecondFactor(user)) {
            event.rerouteTo("account");
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        pageTitle.setText(getPageTitle());
        bell.refresh();
    }

    /** The view's title in the reader's language: {@code title.<View>} from the bundle, else its {@code @PageTitle}. */
    @Override
    public String getPageTitle() {
        if (getContent() instanceof HasDynamicTitle dynamic) {
            return dynamic.getPageTitle();
        }
        if (getContent() == null) {
            return "Auditflow";
        }
        Class<?> view = getContent().getClass();
        String key = "title." + view.getSimpleName();
        String title = Format.text(key);
        if (!title.equals(key)) {
            return title;
        }
        PageTitle annotation = view.getAnnotation(PageTitle.class);
        String annotated = annotation != null ? annotation.value() : MenuConfiguration.getPageHeader(getContent()).orElse("Auditflow");
        // The header already sits in Auditflow: "Page not found", not "Page not found · Auditflow".
        return annotated.endsWith(" · Auditflow") ? annotated.substring(0, annotated.length() - " · Auditflow".length()) : annotated;
    }

    private static String navLabel(MenuEntry entry) {
        String key = "nav." + entry.menuClass().getSimpleName();
        String label = Format.text(key);
        return label.equals(key) ? entry.title() : label;
    }
}
