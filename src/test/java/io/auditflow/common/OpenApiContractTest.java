package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The OpenAPI document says how to call the API: security schemes, a summary and the error answers
 * of every operation, a real title, version and licence, no internal fallback. Writes
 * target/openapi.json, which .ci/run lints with {@code npx @redocly/cli lint} (recommended rules).
 */
@IntegrationTest
class OpenApiContractTest {

    static final Path SPEC = Path.of("target", "openapi.json");

    @Autowired TestRestTemplate rest;

    @Test
    void the_api_document_declares_its_security_errors_summaries_and_licence() throws Exception {
        String json = rest.getForObject("/v3/api-docs", String.class);
        Files.createDirectories(SPEC.getParent());
        JsonNode spec = new ObjectMapper().readTree(json);
        Files.writeString(SPEC, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(spec));

        assertThat(spec.at("/info/title").asText()).isEqualTo("Auditflow API");
        assertThat(spec.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(spec.at("/info/version").asText()).isNotEqualTo("v0").isNotBlank();
        assertThat(spec.at("/info/license/name").asText()).isNotBlank();
        assertThat(spec.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(spec.at("/components/securitySchemes/apiToken/scheme").asText()).isEqualTo("bearer");
        assertThat(spec.at("/security").size()).isEqualTo(2);
        assertThat(spec.get("paths").has("/api/**")).isFalse();

        List<String> problems = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (operation.path("summary").asText().isBlank()) {
                problems.add(name + " has no summary");
            }
            List<String> codes = new ArrayList<>();
            operation.path("responses").fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(c -> c.startsWith("4"))) {
                problems.add(name + " declares no 4xx answer");
            }
            if (codes.stream().noneMatch(c -> c.startsWith("2"))) {
                problems.add(name + " declares no 2xx answer");
            }
            if (!codes.contains("401") || !codes.contains("403")) {
                problems.add(name + " does not declare 401 and 403");
            }
        }));
        assertThat(problems).isEmpty();
        assertThat(spec.at("/components/schemas/Problem/properties/fieldErrors/type").asText()).isEqualTo("array");
        assertThat(spec.at("/paths/~1api~1programs/post/responses/400/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
    }

    /**
     * The generated test client (pom.xml, openapi-generator) is built from the committed snapshot in
     * src/test/resources/openapi; every operation in it must still exist. To refresh it after an API
     * change: run this test and copy target/openapi.json over the snapshot.
     */
    @Test
    void every_operation_of_the_client_snapshot_still_exists_in_the_live_document() throws Exception {
        JsonNode live = new ObjectMapper().readTree(rest.getForObject("/v3/api-docs", String.class));
        JsonNode snapshot = new ObjectMapper().readTree(Path.of("src", "test", "resources", "openapi",
                "auditflow-api.json").toFile());
        List<String> missing = new ArrayList<>();
        snapshot.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (live.path("paths").path(path.getKey()).path(method).isMissingNode()) {
                missing.add(method.toUpperCase() + " " + path.getKey());
            }
        }));
        assertThat(missing).as("operations in the client snapshot that the app no longer has").isEmpty();
    }
}
