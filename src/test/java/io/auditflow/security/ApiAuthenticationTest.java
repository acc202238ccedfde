package io.auditflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserForm;
import io.auditflow.identity.UserService;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/** The API keeps no session: HTTP Basic or a personal API token on every call (issue 10, findings 1 and 2). */
@IntegrationTest
class ApiAuthenticationTest {

    private static final String PASSWORD = "tokens-are-better-1";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    ConfigurableApplicationContext context;

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        throttle.reset();
    }

    private String newUser(String name) {
        SystemAuthentication.run(() -> users.createUser(new UserForm(name, "Token " + name, "", PASSWORD,
                Set.of(io.auditflow.security.Role.COMPLIANCE_MEMBER), Set.of("grc"))));
        return name;
    }

    private JsonNode createToken(String user, String body) throws Exception {
        HttpResponse<String> created = http.send(http.request("/api/me/tokens")
                .header("Authorization", Http.basic(user, PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body());
    }

    private int getWithToken(String token, String path) {
        return http.send(http.request(path).header("Authorization", "Bearer " + token)).statusCode();
    }

    @Test
    void a_session_cookie_from_the_login_form_does_not_sign_in_to_the_api() {
        Http.LoginPage page = http.loginPage(null);
        HttpResponse<String> signedIn = http.postLogin(page, "manager", "demo", true, null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        String cookie = Http.sessionCookie(signedIn, page.cookie());

        HttpResponse<String> api = http.send(http.request("/api/programs").header("Cookie", cookie));
        assertThat(api.statusCode()).isEqualTo(401);
        HttpResponse<String> write = http.send(http.request("/api/programs").header("Cookie", cookie)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged\",\"framework\":\"ISO27001\"}")));
        assertThat(write.statusCode()).isEqualTo(401);
    }

    @Test
    void an_anonymous_401_on_the_api_creates_no_session() {
        HttpResponse<String> answer = http.send(http.request("/api/programs"));
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    @Test
    void a_personal_api_token_works_until_its_owner_revokes_it() throws Exception {
        String user = newUser("token-tina");
        JsonNode created = createToken(user, "{\"name\":\"nightly export\"}");
        String token = created.get("token").asText();
        assertThat(token).startsWith("af_").hasSizeGreaterThan(40);

        assertThat(getWithToken(token, "/api/programs")).isEqualTo(200);

        HttpResponse<String> list = http.send(http.request("/api/me/tokens").header("Authorization", "Bearer " + token));
        JsonNode listed = json.readTree(list.body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("nightly export");
        assertThat(listed.get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(list.body()).doesNotContain(token);

        long id = created.get("details").get("id").asLong();
        HttpResponse<String> revoked = http.send(http.request("/api/me/tokens/" + id)
                .header("Authorization", Http.basic(user, PASSWORD)).DELETE());
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(getWithToken(token, "/api/programs")).isEqualTo(401);
    }

    @Test
    void only_the_hash_of_a_token_is_stored() throws Exception {
        String user = newUser("token-hash");
        String token = createToken(user, "{\"name\":\"probe\"}").get("token").asText();
        List<String> stored = jdbc.queryForList("select token_hash from api_token where username = ?", String.class, user);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
        assertThat(stored).containsExactly(sha256);
    }

    @Test
    void a_disabled_user_s_token_stops_working_at_once() throws Exception {
        String user = newUser("token-dora");
        String token = createToken(user, "{\"name\":\"monitoring\"}").get("token").asText();
        assertThat(getWithToken(token, "/api/tasks/counts")).isEqualTo(200);

        SystemAuthentication.run(() -> users.setEnabled(user, false));

        assertThat(getWithToken(token, "/api/tasks/counts")).isEqualTo(401);
        assertThat(http.send(http.request("/api/tasks/counts").header("Authorization", Http.basic(user, PASSWORD)))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void an_admin_password_reset_revokes_the_user_s_tokens() throws Exception {
        String user = newUser("token-rita");
        String token = createToken(user, "{\"name\":\"ci\"}").get("token").asText();
        SystemAuthentication.run(() -> users.resetPassword(user, "brand-new-secret-9"));
        assertThat(getWithToken(token, "/api/programs")).isEqualTo(401);
    }

    @Test
    void nobody_revokes_another_user_s_token() throws Exception {
        String owner = newUser("token-olga");
        long id = createToken(owner, "{\"name\":\"mine\"}").get("details").get("id").asLong();
        HttpResponse<String> attempt = http.send(http.request("/api/me/tokens/" + id)
                .header("Authorization", Http.basic("admin", "demo")).DELETE());
        assertThat(attempt.statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from api_token where id = ?", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void a_token_needs_a_plain_name_and_an_expiry_after_today() throws Exception {
        String user = newUser("token-nina");
        HttpResponse<String> bad = http.send(http.request("/api/me/tokens")
                .header("Authorization", Http.basic(user, PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"a\\u0000b\",\"expiresOn\":\"2020-01-01\"}")));
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode errors = json.readTree(bad.body()).get("fieldErrors");
        assertThat(errors.findValuesAsText("field")).contains("name", "expiresOn");
    }

    @Test
    void an_unknown_token_is_refused_and_token_sign_ins_publish_events() {
        List<AbstractAuthenticationEvent> events = new CopyOnWriteArrayList<>();
        context.addApplicationListener((ApplicationListener<AbstractAuthenticationEvent>) events::add);
        String user = newUser("token-evan");
        String token;
        try {
            token = createToken(user, "{\"name\":\"events\"}").get("token").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        events.clear();
        assertThat(getWithToken("af_not-a-real-token-at-all-00000000000000000000", "/api/programs")).isEqualTo(401);
        assertThat(getWithToken(token, "/api/programs")).isEqualTo(200);

        assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOf(AbstractAuthenticationFailureEvent.class));
        assertThat(events).anySatisfy(e -> {
            assertThat(e).isInstanceOf(AuthenticationSuccessEvent.class);
            assertThat(e.getAuthentication().getName()).isEqualTo("token-evan");
        });
    }
}
