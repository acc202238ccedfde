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
            if (!codes.contains("401") || !codes.contains("403")) {
                problems.add(name + " does not declare 401 and 403");
            }
        }));
        assertThat(problems).isEmpty();
        assertThat(spec.at("/paths/~1api~1programs/post/responses/400/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
    }
}
