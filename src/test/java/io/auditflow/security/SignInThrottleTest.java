package io.auditflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserForm;
import io.auditflow.identity.UserService;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in abuse (issue 10, finding 3): failed sign-ins are throttled per account and per address on
 * the form, HTTP Basic and engine REST. Each test plays its client address through X-Forwarded-For,
 * which the app trusts from a local proxy, so tests do not throttle one another.
 */
@IntegrationTest
class SignInThrottleTest {

    private static final String PASSWORD = "right-password-42";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    SignInThrottle throttle;

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        throttle.reset();
    }

    private void newUser(String name, io.auditflow.security.Role role) {
        SystemAuthentication.run(() -> users.createUser(new UserForm(name, "Throttle " + name, "", PASSWORD,
                Set.of(role), Set.of())));
    }

    private HttpResponse<String> basic(String path, String user, String password, String address) {
        return http.send(http.request(path).header("Authorization", Http.basic(user, password))
                .header("X-Forwarded-For", address));
    }

    @Test
    void after_five_wrong_passwords_even_the_right_one_waits_with_429_and_retry_after() {
        newUser("throttle-basil", io.auditflow.security.Role.AUDITOR);
        for (int i = 0; i < 5; i++) {
            assertThat(basic("/api/programs", "throttle-basil", "guess-" + i, "203.0.113.10").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> right = basic("/api/programs", "throttle-basil", PASSWORD, "203.0.113.10");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(right.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);
        assertThat(right.body()).contains("\"status\":429").contains("Too many failed sign-ins");

        // The account is throttled from every address, not only the guessing one.
        assertThat(basic("/api/programs", "throttle-basil", PASSWORD, "198.51.100.7").statusCode()).isEqualTo(429);
    }

    @Test
    void one_address_guessing_across_many_accounts_is_stopped_too() {
        for (int i = 0; i < 30; i++) {
            basic("/api/programs", "nobody-" + i, "guess", "203.0.113.20");
        }
        assertThat(basic("/api/programs", "manager", "demo", "203.0.113.20").statusCode()).isEqualTo(429);
        assertThat(basic("/api/programs", "manager", "demo", "203.0.113.21").statusCode()).isEqualTo(200);
    }

    @Test
    void engine_rest_is_throttled_like_the_api() {
        newUser("throttle-edna", io.auditflow.security.Role.ADMIN);
        for (int i = 0; i < 5; i++) {
            basic("/engine-rest/process-definition", "throttle-edna", "guess-" + i, "203.0.113.30");
        }
        HttpResponse<String> right = basic("/engine-rest/process-definition", "throttle-edna", PASSWORD, "203.0.113.30");
        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(right.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void the_login_form_is_throttled_with_a_plain_message() {
        newUser("throttle-fred", io.auditflow.security.Role.EXECUTIVE);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> wrong = http.postLogin(http.loginPage("203.0.113.40"), "throttle-fred", "guess-" + i,
                    true, "203.0.113.40");
            assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }
        HttpResponse<String> right = http.postLogin(http.loginPage("203.0.113.40"), "throttle-fred", PASSWORD, true,
                "203.0.113.40");
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(right.headers().firstValue("Location").orElse("")).endsWith("/login?throttled");
    }

    @Test
    void unknown_disabled_and_wrong_password_accounts_answer_in_the_same_time() {
        newUser("throttle-dis", io.auditflow.security.Role.AUDITOR);
        SystemAuthentication.run(() -> users.setEnabled("throttle-dis", false));
        newUser("throttle-wro", io.auditflow.security.Role.AUDITOR);
        // Warm up, then take the median of several tries of each.
        basic("/api/programs", "throttle-wro", "warm-up", "203.0.113.50");
        long unknown = median("nobody-at-all", "some-guess");
        long disabled = median("throttle-dis", PASSWORD);
        long wrong = median("throttle-wro", "some-guess");
        // Before the fix a disabled account answered 25 times faster (no BCrypt round at all).
        assertThat(disabled).as("disabled %d ns vs wrong %d ns", disabled, wrong).isGreaterThan(wrong / 3);
        assertThat(unknown).as("unknown %d ns vs wrong %d ns", unknown, wrong).isGreaterThan(wrong / 3);
    }

    private long median(String user, String password) {
        long[] times = new long[5];
        for (int i = 0; i < times.length; i++) {
            throttle.reset();
            long start = System.nanoTime();
            assertThat(basic("/api/programs", user, password, "203.0.113.5" + i).statusCode()).isEqualTo(401);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
