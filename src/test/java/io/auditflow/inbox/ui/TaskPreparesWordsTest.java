package io.auditflow.inbox.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Found walking the app in German: "Bereitet vor: Observation window ends" named the milestone in English. */
@IntegrationTest
class TaskPreparesWordsTest extends KaribuTest {

    @Test
    void the_milestone_a_task_prepares_is_named_in_the_readers_language() {
        login("member", Role.COMPLIANCE_MEMBER);
        UI.getCurrent().setLocale(Locale.GERMAN);
        assertThat(TaskView.preparesLabel("OBSERVATION_END", "Observation window ends")).isEqualTo("Ende des Beobachtungszeitraums");
        assertThat(TaskView.preparesLabel("NO_SUCH_MILESTONE", "Something else")).isEqualTo("Something else");

        UI.getCurrent().setLocale(Locale.ENGLISH);
        assertThat(TaskView.preparesLabel("OBSERVATION_END", "Observation window ends")).isEqualTo("Observation window ends");
    }
}
