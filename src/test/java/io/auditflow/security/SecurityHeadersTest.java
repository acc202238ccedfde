package io.auditflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Headers, cookies, login CSRF and engine REST deployment (issue 10, findings 4 and 8). */
@IntegrationTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;
    @Autowired
    SignInThrottle throttle;

    private Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        throttle.reset();
    }

    @Test
    void pages_carry_a_content_security_policy_a_referrer_policy_and_a_permissions_policy() {
        HttpResponse<String> login = http.send(http.request("/login"));
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'").contains("frame-ancestors 'self'").contains("object-src 'none'");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(login.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()");

        HttpResponse<String> api = http.send(http.request("/api/programs"));
        assertThat(api.headers().firstValue("Content-Security-Policy")).contains("default-src 'none'; frame-ancestors 'none'");
        assertThat(api.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_secure_behind_a_tls_proxy() {
        HttpResponse<String> plain = http.send(http.request("/login"));
        assertThat(plain.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));

        HttpResponse<String> proxied = http.send(http.request("/login").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "198.51.100.1"));
        assertThat(proxied.headers().allValues("Set-Cookie")).anySatisfy(c ->
                assertThat(c).startsWith("JSESSIONID=").contains("Secure").contains("SameSite=Lax"));
    }

    @Test
    void a_login_post_without_the_csrf_token_signs_nobody_in() {
        Http.LoginPage page = http.loginPage(null);
        assertThat(page.csrf()).as("the login page carries the token for the form").isNotBlank();
        HttpResponse<String> forged = http.postLogin(page, "manager", "demo", false, null);
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location").orElse("")).endsWith("/login?error");

        HttpResponse<String> real = http.postLogin(http.loginPage(null), "manager", "demo", true, null);
        assertThat(real.headers().firstValue("Location").orElse("")).doesNotContain("login");
    }

    @Test
    void admins_cannot_deploy_process_models_through_engine_rest_by_default() {
        String boundary = "----auditflow";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nattack\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"attack.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n<definitions/>\r\n--" + boundary + "--\r\n";
        HttpResponse<String> answer = http.send(http.request("/engine-rest/deployment/create")
                .header("Authorization", Http.basic("admin", "demo"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("engine-rest-deployment");
        // Reading stays open to admins.
        assertThat(http.send(http.request("/engine-rest/deployment").header("Authorization", Http.basic("admin", "demo")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void a_cross_site_write_to_the_api_is_refused_even_with_basic_credentials() {
        HttpResponse<String> answer = http.send(http.request("/api/programs")
                .header("Authorization", Http.basic("manager", "demo")).header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Forged\"}")));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("other sites");
    }
}
