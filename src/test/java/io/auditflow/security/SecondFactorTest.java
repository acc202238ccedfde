package io.auditflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserForm;
import io.auditflow.identity.UserService;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Optional TOTP second factor, required for admins when an admin switches it on (issue 10, finding 6). */
@IntegrationTest
class SecondFactorTest {

    private static final String PASSWORD = "two-factors-please";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;
    @Autowired
    SecondFactor secondFactor;
    @Autowired
    SecuritySettings settings;
    @Autowired
    SignInThrottle throttle;
    @Autowired
    Clock clock;

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        throttle.reset();
    }

    private String codeFor(String secret) throws Exception {
        return new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30);
    }

    private void as(String username, Runnable work) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority("ROLE_AUDITOR"))));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void with_a_second_factor_the_form_needs_the_code_and_basic_no_longer_signs_in() throws Exception {
        SystemAuthentication.run(() -> users.createUser(new UserForm("totp-tom", "Tom Totp", "", PASSWORD,
                Set.of(Role.AUDITOR), Set.of())));
        String secret = secondFactor.newSecret();
        String code = codeFor(secret);
        as("totp-tom", () -> users.enableOwnSecondFactor(secret, code));

        HttpResponse<String> withoutCode = http.postLogin(http.loginPage("203.0.113.60"), "totp-tom", PASSWORD, true,
                "203.0.113.60");
        assertThat(withoutCode.headers().firstValue("Location").orElse("")).endsWith("/login?error");

        Http.LoginPage page = http.loginPage("203.0.113.60");
        HttpResponse<String> withCode = http.send(http.request("/login").header("Cookie", page.cookie())
                .header("X-Forwarded-For", "203.0.113.60")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=totp-tom&password=" + PASSWORD
                        + "&code=" + codeFor(secret) + "&_csrf=" + java.net.URLEncoder.encode(page.csrf(),
                        java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(withCode.statusCode()).isEqualTo(302);
        assertThat(withCode.headers().firstValue("Location").orElse("")).doesNotContain("login");

        // As people type it into the login page: the code right after the password.
        HttpResponse<String> typed = http.postLogin(http.loginPage("203.0.113.62"), "totp-tom",
                PASSWORD + codeFor(secret), true, "203.0.113.62");
        assertThat(typed.headers().firstValue("Location").orElse("")).doesNotContain("login");
        HttpResponse<String> wrongCode = http.postLogin(http.loginPage("203.0.113.62"), "totp-tom",
                PASSWORD + "000000", true, "203.0.113.62");
        assertThat(wrongCode.headers().firstValue("Location").orElse("")).endsWith("/login?error");

        assertThat(http.send(http.request("/api/programs").header("Authorization", Http.basic("totp-tom", PASSWORD)))
                .statusCode()).isEqualTo(401);
        assertThat(http.send(http.request("/api/programs").header("Authorization",
                Http.basic("totp-tom", PASSWORD + codeFor(secret)))).statusCode()).isEqualTo(401);
    }

    @Test
    void an_admin_password_reset_turns_a_lost_second_factor_off() throws Exception {
        SystemAuthentication.run(() -> users.createUser(new UserForm("totp-lou", "Lou Lost", "", PASSWORD,
                Set.of(Role.AUDITOR), Set.of())));
        String secret = secondFactor.newSecret();
        String code = codeFor(secret);
        as("totp-lou", () -> users.enableOwnSecondFactor(secret, code));
        assertThat(users.hasSecondFactor("totp-lou")).isTrue();

        SystemAuthentication.run(() -> users.resetPassword("totp-lou", "after-the-lost-phone"));

        assertThat(users.hasSecondFactor("totp-lou")).isFalse();
        assertThat(http.send(http.request("/api/programs")
                .header("Authorization", Http.basic("totp-lou", "after-the-lost-phone"))).statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_code_does_not_turn_the_second_factor_on() {
        SystemAuthentication.run(() -> users.createUser(new UserForm("totp-wanda", "Wanda Wrong", "", PASSWORD,
                Set.of(Role.AUDITOR), Set.of())));
        String secret = secondFactor.newSecret();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> as("totp-wanda",
                        () -> users.enableOwnSecondFactor(secret, "000000")))
                .isInstanceOf(io.auditflow.common.ValidationException.class);
        assertThat(users.hasSecondFactor("totp-wanda")).isFalse();
    }

    @Test
    void when_admins_must_have_a_second_factor_an_admin_without_one_keeps_only_the_form() {
        SystemAuthentication.run(() -> users.createUser(new UserForm("totp-ada", "Ada Admin", "", PASSWORD,
                Set.of(Role.ADMIN), Set.of())));
        assertThat(http.send(http.request("/api/programs").header("Authorization", Http.basic("totp-ada", PASSWORD)))
                .statusCode()).isEqualTo(200);
        SystemAuthentication.run(() -> settings.requireSecondFactorForAdmins(true));
        try {
            assertThat(http.send(http.request("/api/programs").header("Authorization", Http.basic("totp-ada", PASSWORD)))
                    .statusCode()).isEqualTo(401);
            // Members are not affected.
            assertThat(http.send(http.request("/api/programs").header("Authorization", Http.basic("member", "demo")))
                    .statusCode()).isEqualTo(200);
            // The form still signs the admin in, so the second factor can be set up.
            HttpResponse<String> form = http.postLogin(http.loginPage("203.0.113.61"), "totp-ada", PASSWORD, true,
                    "203.0.113.61");
            assertThat(form.headers().firstValue("Location").orElse("")).doesNotContain("login");
        } finally {
            SystemAuthentication.run(() -> settings.requireSecondFactorForAdmins(false));
        }
    }
}
