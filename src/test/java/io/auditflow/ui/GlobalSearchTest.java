package io.auditflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.auditflow.IntegrationTest;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The header's search dialog: grouped, linked hits; Enter opens the first; too long a query is marked at the field. */
@IntegrationTest
class GlobalSearchTest extends KaribuTest {

    @Autowired InboxFixture inbox;

    @Test
    void typing_lists_programs_grouped_and_linked_and_enter_opens_the_first() {
        String tag = "kiwi" + System.nanoTime() % 1_000_000;
        Program program = inbox.program("Kiwi " + tag, "grc", Framework.ISO27001);
        login("manager", Role.COMPLIANCE_MANAGER);
        UI.getCurrent().navigate("feeds");
        GlobalSearch search = _get(GlobalSearch.class);

        search.open.click();
        assertThat(search.dialog.isOpened()).isTrue();
        search.field.setValue("kiwi " + tag);

        String text = search.results.getElement().getTextRecursively();
        assertThat(text).contains("Programs (1)").contains(program.name()).contains("ISO/IEC 27001");
        assertThat(search.results.getElement().getChild(0).getChild(1).getAttribute("href")).isEqualTo("programs/" + program.id());

        search.openFirst();
        assertThat(search.dialog.isOpened()).isFalse();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("programs/" + program.id());
    }

    @Test
    void nothing_found_and_too_long_queries_say_so_in_plain_words() {
        login("member", Role.COMPLIANCE_MEMBER);
        UI.getCurrent().navigate("feeds");
        GlobalSearch search = _get(GlobalSearch.class);
        search.open.click();

        search.field.setValue("no-such-thing-" + System.nanoTime());
        assertThat(search.results.getElement().getTextRecursively()).startsWith("Nothing found for");

        search.field.setValue("k");
        assertThat(search.results.getElement().getTextRecursively()).isEqualTo("Type at least 2 characters.");

        search.run("y".repeat(101));
        assertThat(search.field.isInvalid()).isTrue();
        assertThat(search.field.getErrorMessage()).isEqualTo("Search for at most 100 characters");
    }
}
