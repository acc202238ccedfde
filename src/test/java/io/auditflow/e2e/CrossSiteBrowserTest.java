package io.auditflow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.program.ProgramService;
import io.auditflow.support.BrowserTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A signed-in user visits an attacker's page on another origin (a tiny HTTP server on another port)
 * that auto-submits forms and fetches against Auditflow (issue 10, finding 2). None of them may
 * change data or sign anyone in. Also checks that Vaadin runs under the Content-Security-Policy.
 */
@IntegrationTest
class CrossSiteBrowserTest extends BrowserTest {

    @Autowired
    ProgramService programs;
    @Autowired
    ObjectMapper json;

    private HttpServer attacker;
    private final Map<String, String> pages = new ConcurrentHashMap<>();

    @BeforeEach
    void startAttackerSite() throws IOException {
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.createContext("/", exchange -> {
            byte[] body = pages.getOrDefault(exchange.getRequestURI().getPath(), "not here").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        attacker.start();
    }

    @AfterEach
    void stopAttackerSite() {
        attacker.stop(0);
    }

    private long newProgram() throws IOException {
        String created = RestClient.builder().baseUrl(url("")).build().post().uri("/api/programs")
                .headers(h -> h.setBasicAuth("manager", "demo")).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Cross-site target " + System.nanoTime(), "framework", "ISO27001",
                        "owner", "manager", "team", "grc"))
                .retrieve().body(String.class);
        JsonNode node = json.readTree(created);
        return node.get("id").asLong();
    }

    /** Opens the attacker's page; same-site uses localhost (cookies go along), cross-site uses 127.0.0.1. */
    private void visitAttacker(String path, boolean sameSite) {
        String host = sameSite ? "localhost" : "127.0.0.1";
        driver.get("http://" + host + ":" + attacker.getAddress().getPort() + path);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            try {
                return !d.getCurrentUrl().contains(":" + attacker.getAddress().getPort() + "/")
                        || Boolean.TRUE.equals(js("return window.attackDone === true;"));
            } catch (org.openqa.selenium.WebDriverException navigating) {
                return false;
            }
        });
    }

    @Test
    void forged_forms_and_fetches_from_other_origins_change_nothing() throws Exception {
        long program = newProgram();
        login("manager", "demo");
        waitFor(By.cssSelector("vaadin-side-nav"));

        String target = url("api/programs/" + program + "/archive");
        pages.put("/archive-form.html", "<html><body><form id=f method=post action='" + target + "'>"
                + "<input name=x value=1></form><script>document.getElementById('f').submit()</script></body></html>");
        pages.put("/archive-fetch.html", "<html><body><script>"
                + "fetch('" + target + "', {method: 'POST', mode: 'no-cors', credentials: 'include'})"
                + ".finally(() => { window.attackDone = true; });</script></body></html>");

        for (boolean sameSite : new boolean[] {false, true}) {
            visitAttacker("/archive-form.html", sameSite);
            visitAttacker("/archive-fetch.html", sameSite);
        }
        Thread.sleep(500);
        boolean archived = SystemAuthentication.call(() -> programs.get(program).archived());
        assertThat(archived).as("the forged requests archived the program").isFalse();

        // The manager is still signed in: the UI session itself was not harmed.
        open("programs");
        assertThat(driver.getCurrentUrl()).endsWith("/programs");
    }

    @Test
    void a_forged_login_form_does_not_sign_the_victim_in_as_the_attacker() {
        pages.put("/login.html", "<html><body><form id=f method=post action='" + url("login") + "'>"
                + "<input name=username value=member><input name=password value=demo></form>"
                + "<script>document.getElementById('f').submit()</script></body></html>");
        visitAttacker("/login.html", false);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("localhost:" + port));
        open("inbox");
        assertThat(driver.getCurrentUrl()).contains("/login");
    }

    @Test
    void vaadin_runs_under_the_content_security_policy_without_console_errors() throws Exception {
        open("login");
        waitFor(By.id("vaadinLoginUsername"));
        assertThat(contentSecurityPolicyErrors()).isEmpty();
        login("manager", "demo");
        waitFor(By.cssSelector("vaadin-side-nav"));
        open("programs");
        open("account");
        waitFor(By.id("change-password"));
        screenshot("account-1440");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        screenshot("account-390");
        assertThat(contentSecurityPolicyErrors()).isEmpty();
    }
}
