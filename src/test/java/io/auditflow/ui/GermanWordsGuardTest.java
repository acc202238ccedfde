package io.auditflow.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import io.auditflow.IntegrationTest;
import io.auditflow.common.Messages;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A guard that keeps German screens German (issue 13): a German manager, member, executive, auditor and admin open
 * every view they may reach (views with an id get one from the demo data), and no text they see (text nodes, labels,
 * placeholders, helper texts, titles, aria labels, grid headers) may be an English bundle text whose German differs.
 * Data people typed (program, engagement, team and person names) is left out, and so is any English text that is
 * also German somewhere in the bundle ("Status", "Name").
 */
@IntegrationTest
class GermanWordsGuardTest extends KaribuTest {

    private static final Map<Role, String> PEOPLE = new LinkedHashMap<>();

    static {
        PEOPLE.put(Role.COMPLIANCE_MANAGER, "manager");
        PEOPLE.put(Role.COMPLIANCE_MEMBER, "member");
        PEOPLE.put(Role.EXECUTIVE, "executive");
        PEOPLE.put(Role.AUDITOR, "auditor");
        PEOPLE.put(Role.ADMIN, "admin");
    }

    private static final List<String> PROPERTIES = List.of("label", "placeholder", "helperText", "title", "accessibleName",
            "errorMessage");
    private static final List<String> ATTRIBUTES = List.of("title", "aria-label", "placeholder");

    @Autowired JdbcTemplate jdbc;

    @Test
    void no_view_a_german_reader_can_reach_shows_an_english_bundle_text() {
        Map<String, String> english = englishOnly();
        Set<String> data = typedByPeople();
        Map<String, String> ids = idsFromTheDemoData();
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Set<String> found = new TreeSet<>();
        int views = 0;
        for (Map.Entry<Role, String> person : PEOPLE.entrySet()) {
            Role role = person.getKey();
            for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
                String template = route.getTemplate();
                var principal = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                        person.getValue(), null, List.of());
                if (template.equals("login") || !checker.hasAccess(route.getNavigationTarget(), principal,
                        r -> r.equals(role.name()) || r.equals("ROLE_" + role.name()))) {
                    continue;
                }
                String path = path(template, ids);
                if (path == null) {
                    continue;
                }
                login(person.getValue(), role);
                UI.getCurrent().setLocale(Locale.GERMAN);
                UI.getCurrent().navigate(path);
                views++;
                for (String text : texts(UI.getCurrent())) {
                    String key = english.get(text);
                    if (key != null && !data.contains(text)) {
                        found.add(role + " on /" + path + ": \"" + text + "\" (" + key + ")");
                    }
                }
            }
        }
        assertThat(views).as("views opened").isGreaterThan(40);
        assertThat(found).isEmpty();
    }

    /** The English text of every key whose German differs, unless the same text is German elsewhere. */
    private static Map<String, String> englishOnly() {
        ResourceBundle en = Messages.bundle(Locale.ENGLISH);
        ResourceBundle de = Messages.bundle(Locale.GERMAN);
        Set<String> germanTexts = new HashSet<>();
        de.keySet().forEach(k -> germanTexts.add(de.getString(k).strip()));
        Map<String, String> english = new HashMap<>();
        for (String key : en.keySet()) {
            String text = en.getString(key).strip();
            if (text.length() < 3 || text.contains("{") || !de.containsKey(key) || de.getString(key).strip().equals(text)
                    || germanTexts.contains(text)) {
                continue;
            }
            english.putIfAbsent(text, key);
        }
        return english;
    }

    private Set<String> typedByPeople() {
        Set<String> data = new HashSet<>();
        data.addAll(jdbc.queryForList("select name from audit_program", String.class));
        data.addAll(jdbc.queryForList("select name from team", String.class));
        data.addAll(jdbc.queryForList("select display_name from app_user", String.class));
        data.addAll(jdbc.queryForList("select name from engagement", String.class));
        return data;
    }

    private Map<String, String> idsFromTheDemoData() {
        Map<String, String> ids = new HashMap<>();
        ids.put("id-program", first("select min(id) from audit_program where name = 'Acme Cloud SOC 2 Type II'"));
        ids.put("id-task", first("select min(task_id) from inbox_task where state = 'OPEN' and candidate_group = 'grc'"));
        ids.put("id-engagement", first("select min(id) from engagement"));
        ids.put("id-request", first("select min(id) from engagement_request"));
        ids.put("code", "USER_ACCESS_REVIEW");
        return ids;
    }

    private String first(String sql) {
        Object value = jdbc.queryForObject(sql, Object.class);
        return value == null ? null : value.toString();
    }

    /** A route with its parameters filled from the demo data; null when the data has none. */
    private static String path(String template, Map<String, String> ids) {
        if (!template.contains(":")) {
            return template;
        }
        String value = switch (template) {
            case "programs/:id" -> ids.get("id-program");
            case "inbox/task/:taskId" -> ids.get("id-task");
            case "engagements/:id" -> ids.get("id-engagement");
            case "engagements/requests/:id" -> ids.get("id-request");
            case "controls/:code" -> ids.get("code");
            case "soa/:programId?" -> "";
            default -> null;
        };
        return value == null ? null : template.substring(0, template.indexOf(':')) + value;
    }

    /** Every text a reader sees or hears on the current page. */
    private static List<String> texts(UI ui) {
        List<String> out = new ArrayList<>();
        collect(ui.getElement(), out);
        ui.getChildren().forEach(c -> grids(c, out));
        return out;
    }

    private static void collect(Element element, List<String> out) {
        if (element.isTextNode()) {
            add(out, element.getText());
            return;
        }
        if (!element.isVisible()) {
            return;
        }
        for (String property : PROPERTIES) {
            Object value = element.getPropertyRaw(property);
            if (value instanceof String s) {
                add(out, s);
            }
        }
        for (String attribute : ATTRIBUTES) {
            add(out, element.getAttribute(attribute));
        }
        element.getChildren().forEach(child -> collect(child, out));
    }

    private static void grids(Component component, List<String> out) {
        if (!component.isVisible()) {
            return;
        }
        if (component instanceof Grid<?> grid) {
            grid.getColumns().forEach(c -> add(out, c.getHeaderText()));
        }
        component.getChildren().forEach(c -> grids(c, out));
    }

    private static void add(List<String> out, String text) {
        if (text != null && !text.isBlank()) {
            out.add(text.strip());
        }
    }
}
