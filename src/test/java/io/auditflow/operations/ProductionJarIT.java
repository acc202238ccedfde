package io.auditflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 3: the production jar ({@code target/*.jar}, built in the package phase; this runs in
 * failsafe's integration-test phase after it) against a real PostgreSQL server with the
 * {@code postgres} profile, exactly as the README documents: first admin from the environment, sign
 * in, create an API token, start a lifecycle, health UP. Runs only when {@code AUDITFLOW_IT_PG_URL}
 * (plus {@code AUDITFLOW_IT_PG_USER}, {@code AUDITFLOW_IT_PG_PASSWORD}) names an empty database;
 * {@code .ci/run} installs Debian's PostgreSQL and sets them.
 */
class ProductionJarIT {

    static final String ADMIN = "ci-admin";
    static final String PASSWORD = "a long secret for CI 2026";
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void the_production_jar_starts_on_postgresql_as_the_readme_says_and_runs_a_lifecycle() throws Exception {
        String url = System.getenv("AUDITFLOW_IT_PG_URL");
        assumeTrue(url != null && !url.isBlank(), "AUDITFLOW_IT_PG_URL is not set: no PostgreSQL server to run against");
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("auditflow-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("No production jar in target/: run the package phase first"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path log = Path.of("target", "production-jar-it.log");
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPRING_PROFILES_ACTIVE", "postgres");
        env.put("DB_URL", url);
        env.put("DB_USER", System.getenv().getOrDefault("AUDITFLOW_IT_PG_USER", "auditflow"));
        env.put("DB_PASSWORD", System.getenv().getOrDefault("AUDITFLOW_IT_PG_PASSWORD", ""));
        env.put("AUDITFLOW_ADMIN_USERNAME", ADMIN);
        env.put("AUDITFLOW_ADMIN_PASSWORD", PASSWORD);
        env.put("PORT", String.valueOf(port));
        env.put("AUDITFLOW_EVIDENCE_DIR", Path.of("target", "it-evidence").toAbsolutePath().toString());
        env.put("AUDITFLOW_NODE_ID", "ci-node");
        long started = System.nanoTime();
        Process app = builder.start();
        try {
            String base = "http://localhost:" + port;
            JsonNode health = waitForHealth(base, app, Duration.ofMinutes(3));
            double startup = (System.nanoTime() - started) / 1e9;
            System.out.printf("ProductionJarIT: health UP %.1f s after java -jar%n", startup);
            Files.writeString(Path.of("target", "production-jar-startup.txt"), String.format("%.1f%n", startup));
            assertThat(health.path("status").asText()).isEqualTo("UP");

            String basic = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> token = send(base, "POST", "/api/me/tokens", basic, Map.of("name", "ci smoke test"));
            assertThat(token.statusCode()).as(token.body()).isIn(200, 201);
            String bearer = "Bearer " + json.readTree(token.body()).path("token").asText();
            assertThat(bearer).startsWith("Bearer af_");

            HttpResponse<String> team = send(base, "PUT", "/api/admin/teams/grc", bearer, Map.of("name", "GRC", "manager", ADMIN));
            assertThat(team.statusCode()).as(team.body()).isEqualTo(200);
            HttpResponse<String> program = send(base, "POST", "/api/programs", bearer, Map.of("name", "CI ISO 27001",
                    "framework", "ISO27001", "scope", "Everything", "isoEdition", "2022", "owner", ADMIN, "team", "grc"));
            assertThat(program.statusCode()).as(program.body()).isIn(200, 201);
            long id = json.readTree(program.body()).path("id").asLong();
            HttpResponse<String> lifecycle = send(base, "POST", "/api/programs/" + id + "/lifecycle", bearer,
                    Map.of("isoStart", "EXISTING", "decisionDate", "2025-06-15"));
            assertThat(lifecycle.statusCode()).as(lifecycle.body()).isIn(200, 201);
            HttpResponse<String> milestones = send(base, "GET", "/api/programs/" + id + "/milestones", bearer, null);
            assertThat(milestones.statusCode()).isEqualTo(200);
            assertThat(milestones.body()).contains("SURVEILLANCE_AUDIT_1", "CERTIFICATE_EXPIRY");
            assertThat(send(base, "GET", "/api/programs", null, null).statusCode()).as("no anonymous API").isEqualTo(401);
            assertThat(json.readTree(send(base, "GET", "/actuator/health/readiness", null, null).body()).path("status").asText())
                    .isEqualTo("UP");
        } finally {
            app.toHandle().destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.toHandle().destroyForcibly();
            }
        }
    }

    private JsonNode waitForHealth(String base, Process app, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            assertThat(app.isAlive()).as("the app process is running (see target/production-jar-it.log)").isTrue();
            try {
                HttpResponse<String> r = send(base, "GET", "/actuator/health", null, null);
                if (r.statusCode() == 200) {
                    return json.readTree(r.body());
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No health UP within " + timeout);
    }

    private HttpResponse<String> send(String base, String method, String path, String auth, Object body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (auth != null) {
            r.header("Authorization", auth);
        }
        if (body == null) {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            r.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
