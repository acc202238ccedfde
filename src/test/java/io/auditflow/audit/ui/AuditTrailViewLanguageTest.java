package io.auditflow.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.audit.AuditTrail;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import io.auditflow.support.TestClock;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The audit trail in German: filters, headers, the verification verdict and the entry's time with a German day. */
@IntegrationTest
class AuditTrailViewLanguageTest extends KaribuTest {

    @Autowired AuditTrail trail;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_german_admin_reads_the_trail_with_german_words_and_a_german_day() {
        clock.set(Instant.parse("2026-12-24T12:00:00Z"));
        trail.append("weihnacht-test", "VIEW_TEST", "program 1", "before");
        login("admin", Role.ADMIN);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("admin/audit");
        AuditTrailView view = _get(AuditTrailView.class);

        assertThat(view.action.getLabel()).isEqualTo("Aktion");
        assertThat(view.text.getPlaceholder()).isEqualTo("Ziel oder Details");
        assertThat(view.grid.getColumnByKey("target").getHeaderText()).isEqualTo("Betrifft");
        view.actor.setValue("weihnacht-test");
        assertThat(GridKt._size(view.grid)).isEqualTo(1);
        assertThat(GridKt._getFormatted(view.grid, 0, "time")).startsWith("24.12.2026 ");

        _click(view.verify);
        assertThat(view.verdict.getText()).startsWith("Kette intakt: ");
    }

    @Test
    void actions_and_milestones_read_as_words_not_codes_and_the_action_filter_offers_the_words() {
        trail.append("walk-test", "SIGN_IN", "user walk-test", "UsernamePassword");
        trail.append("walk-test", "MILESTONE_PLANNED", "program 1", "MANAGEMENT_REVIEW cycle 1: planned 2027-01-15");
        login("admin", Role.ADMIN);
        UI.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().navigate("admin/audit");
        AuditTrailView view = _get(AuditTrailView.class);
        view.actor.setValue("walk-test");

        assertThat(GridKt._size(view.grid)).isEqualTo(2);
        assertThat(GridKt._getFormatted(view.grid, 0, "action")).isEqualTo("Meilenstein geplant");
        assertThat(GridKt._getFormatted(view.grid, 0, "details")).isEqualTo("Managementbewertung, Zyklus 1: geplant für 15.01.2027");
        assertThat(GridKt._getFormatted(view.grid, 1, "action")).isEqualTo("Angemeldet");
        assertThat(view.action.getItemLabelGenerator().apply("SIGN_IN")).isEqualTo("Angemeldet");
        // the stored entry, the API and the CSV keep the code
        assertThat(GridKt._get(view.grid, 1).action()).isEqualTo("SIGN_IN");
    }

    @Test
    void the_same_trail_in_english_keeps_its_iso_day_and_words() {
        clock.set(Instant.parse("2026-12-24T12:00:00Z"));
        trail.append("christmas-test", "VIEW_TEST", "program 1", "before");
        login("admin", Role.ADMIN);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("admin/audit");
        AuditTrailView view = _get(AuditTrailView.class);

        assertThat(view.action.getLabel()).isEqualTo("Action");
        view.actor.setValue("christmas-test");
        assertThat(GridKt._getFormatted(view.grid, 0, "time")).startsWith("2026-12-24 ");
    }
}
