package io.auditflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.mail.MailOutbox;
import io.auditflow.mail.OutgoingMail;
import io.auditflow.support.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 15 item 5: Prometheus metrics behind the scrape token, domain gauges, readiness with database and engine. */
@IntegrationTest
class OperationsEndpointsTest {

    static final String TOKEN = "test-scrape-token-0123456789abcdef";

    @LocalServerPort
    int port;
    @Autowired
    DomainMetrics metrics;
    @Autowired
    MailOutbox outbox;
    @Autowired
    TestClock clock;

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metrics_are_refused_without_the_scrape_token_with_a_json_problem() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(anonymous.body()).contains("\"status\":401").doesNotContain("auditflow_");
        assertThat(get("/actuator/prometheus", "Bearer wrong-token-0123456789abcdefgh").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Basic " + TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void no_signed_in_role_reads_the_metrics_only_the_scraper_does() throws Exception {
        for (String user : new String[] {"admin", "manager", "member", "executive", "auditor"}) {
            String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
            assertThat(get("/actuator/prometheus", basic).statusCode()).as(user).isEqualTo(401);
        }
        assertThat(get("/actuator/prometheus", "Bearer " + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void the_scraper_gets_the_domain_gauges() throws Exception {
        HttpResponse<String> scrape = get("/actuator/prometheus", "Bearer " + TOKEN);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("auditflow_tasks_overdue_tasks", "auditflow_certificates{",
                "state=\"AT_RISK\"", "auditflow_mail_outbox_backlog_mails", "auditflow_mail_outbox_oldest_queued_seconds",
                "auditflow_engine_incidents", "auditflow_engine_jobs_failed_jobs", "jvm_memory_used_bytes");
    }

    @Test
    void the_outbox_gauges_count_queued_mails_and_the_age_of_the_oldest() {
        long before = metrics.take().outboxBacklog();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            outbox.enqueue(new OutgoingMail("metrics:" + run + ":" + i, "TEST", null, "m" + i + "-" + run + "@test.example",
                    "Metrics " + i, "text", "<p>html</p>", null, null));
        }
        clock.advance(Duration.ofHours(2));
        try {
            DomainMetrics.Snapshot after = metrics.take();
            assertThat(after.outboxBacklog() - before).isEqualTo(3);
            assertThat(after.oldestQueuedSeconds()).isGreaterThanOrEqualTo(7200);
        } finally {
            clock.reset();
        }
    }

    @Autowired
    org.springframework.boot.actuate.health.HealthEndpointGroups groups;
    @Autowired
    org.springframework.boot.actuate.health.HealthContributorRegistry contributors;

    @Test
    void readiness_includes_the_database_and_the_process_engine() throws Exception {
        var readiness = groups.get("readiness");
        assertThat(readiness.isMember("db")).isTrue();
        assertThat(readiness.isMember("processEngine")).isTrue();
        assertThat(readiness.isMember("mail")).isFalse();
        assertThat(contributors.getContributor("db")).isNotNull();
        assertThat(contributors.getContributor("processEngine")).as("Camunda's engine health indicator").isNotNull();
        HttpResponse<String> ready = get("/actuator/health/readiness", null);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }
}
