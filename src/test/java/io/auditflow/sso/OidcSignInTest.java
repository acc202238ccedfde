package io.auditflow.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.security.Role;
import io.auditflow.security.UserSessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Single sign-on against a real OpenID Connect provider started in the test (Spring Authorization
 * Server), driven through the authorization-code flow by a real HTTP client.
 */
class OidcSignInTest extends SsoIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    UserSessions sessions;

    private OidcFlow flow() {
        TestOidcProvider.APP_PORT.set(port);
        return new OidcFlow(port);
    }

    @Test
    void a_user_in_a_mapped_group_lands_signed_in_with_the_mapped_role_and_team() {
        OidcFlow browser = flow();
        HttpResponse<String> back = browser.signIn("jane.doe", TestOidcProvider.PASSWORD);

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(OidcFlow.location(back)).isEqualTo("http://127.0.0.1:" + port + "/");
        // The session is signed in: the app's start page answers instead of sending to /login.
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);

        UserSummary jane = users.getUser("jane.doe");
        assertThat(jane.roles()).containsExactly(Role.COMPLIANCE_MANAGER);
        assertThat(jane.teams()).containsExactly("grc");
        assertThat(jane.displayName()).isEqualTo("Jane Doe");
        assertThat(jane.email()).isEqualTo("jane.doe@example.com");
        SessionInformation session = sessions.sessionsOf("jane.doe").get(0);
        assertThat(((UserDetails) session.getPrincipal()).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_COMPLIANCE_MANAGER");
    }

    @Test
    void a_user_without_any_mapped_group_is_refused_with_a_page_that_says_why_and_gets_no_account() {
        OidcFlow browser = flow();
        HttpResponse<String> back = browser.signIn("bob.nobody", TestOidcProvider.PASSWORD);

        assertThat(OidcFlow.location(back)).isEqualTo("http://127.0.0.1:" + port + "/login?sso=no_role");
        assertThat(users.findUser("bob.nobody")).isEmpty();
        assertThat(browser.get("/").statusCode()).as("not signed in").isEqualTo(302);
    }

    @Test
    void the_provider_cannot_take_over_a_local_account_of_the_same_name() {
        OidcFlow browser = flow();
        HttpResponse<String> back = browser.signIn("admin", TestOidcProvider.PASSWORD);

        assertThat(OidcFlow.location(back)).isEqualTo("http://127.0.0.1:" + port + "/login?sso=local_account");
        assertThat(users.getUser("admin").roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void a_local_admin_still_signs_in_with_a_password_but_other_local_accounts_must_use_the_provider() throws Exception {
        assertThat(basicStatus("admin", "demo")).isEqualTo(200);
        assertThat(basicStatus("manager", "demo")).isEqualTo(401);
    }

    private int basicStatus(String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/programs"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
