package io.auditflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 15 item 4: docker-compose.yml (and the HAProxy file it mounts) set only variables the app
 * reads, pin every image, and point their health checks at endpoints this app really answers.
 */
@IntegrationTest
class ComposeFileTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    static final Pattern HEALTH_URL = Pattern.compile("http://localhost:8080(/[^\\s\"']*)");
    /** Read by Spring Boot itself rather than through a placeholder. */
    static final Set<String> SPRING_READS = Set.of("SPRING_PROFILES_ACTIVE");

    @LocalServerPort
    int port;

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        return new Yaml(options).load(Files.readString(Path.of("docker-compose.yml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() throws IOException {
        return (Map<String, Map<String, Object>>) compose().get("services");
    }

    /** Every ${NAME} the app's own configuration files read, and its start script deploy/run.sh. */
    static Set<String> variablesTheAppReads() throws IOException {
        Set<String> names = new TreeSet<>(SPRING_READS);
        Matcher script = PLACEHOLDER.matcher(Files.readString(Path.of("deploy/run.sh")));
        while (script.find()) {
            names.add(script.group(1));
        }
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("application.*\\.ya?ml")).toList()) {
                Matcher m = PLACEHOLDER.matcher(Files.readString(f));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_variable_set_for_the_app_is_one_the_app_reads() throws IOException {
        Set<String> reads = variablesTheAppReads();
        assertThat(reads).contains("DB_URL", "AUDITFLOW_NODE_ID", "AUDITFLOW_EVIDENCE_DIR", "SMTP_HOST");
        List<String> appServices = new ArrayList<>();
        services().forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            if (image.startsWith("eclipse-temurin")) {
                appServices.add(name);
                Map<String, Object> env = (Map<String, Object>) service.get("environment");
                assertThat(env.keySet()).as(name + " sets only variables the app reads").isSubsetOf(reads);
                assertThat(env).containsKeys("DB_URL", "AUDITFLOW_NODE_ID", "AUDITFLOW_EVIDENCE_DIR");
            }
        });
        assertThat(appServices).as("two app nodes").containsExactlyInAnyOrder("app1", "app2");
        Map<String, Object> env1 = (Map<String, Object>) services().get("app1").get("environment");
        Map<String, Object> env2 = (Map<String, Object>) services().get("app2").get("environment");
        assertThat(env1.get("AUDITFLOW_NODE_ID")).as("each node its own name").isNotEqualTo(env2.get("AUDITFLOW_NODE_ID"));
        assertThat(env1.get("AUDITFLOW_EVIDENCE_DIR")).isEqualTo(env2.get("AUDITFLOW_EVIDENCE_DIR"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void app_nodes_start_through_the_fast_start_script_with_a_heap_limit() throws IOException {
        for (String name : List.of("app1", "app2")) {
            Map<String, Object> service = services().get(name);
            assertThat((List<Object>) service.get("command")).as(name).containsExactly("sh", "/app/run.sh", "/app/auditflow.jar");
            assertThat((List<Object>) service.get("volumes")).as(name).contains("./deploy/run.sh:/app/run.sh:ro");
            assertThat(String.valueOf(((Map<String, Object>) service.get("environment")).get("JAVA_OPTS"))).contains("-Xmx");
        }
    }

    @Test
    void every_image_is_pinned_to_a_version() throws IOException {
        services().forEach((name, service) -> {
            String image = String.valueOf(service.get("image"));
            String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
            assertThat(tag).as(name + ": " + image).isNotBlank().isNotEqualTo("latest").containsPattern("\\d+\\.\\d+");
        });
        assertThat(services()).containsKeys("postgres", "mailpit", "haproxy", "keycloak");
        assertThat(services().get("keycloak").get("profiles")).asList().containsExactly("sso");
    }

    @Test
    @SuppressWarnings("unchecked")
    void health_checks_ask_endpoints_that_this_app_answers_with_200() throws Exception {
        List<String> paths = new ArrayList<>();
        for (Map<String, Object> service : services().values()) {
            Object check = service.get("healthcheck");
            if (check != null && String.valueOf(service.get("image")).startsWith("eclipse-temurin")) {
                Matcher m = HEALTH_URL.matcher(String.valueOf(((Map<String, Object>) check).get("test")));
                assertThat(m.find()).as("an HTTP health check").isTrue();
                paths.add(m.group(1));
            }
        }
        String haproxy = Files.readString(Path.of("deploy/haproxy.cfg"));
        Matcher httpchk = Pattern.compile("option httpchk GET (\\S+)").matcher(haproxy);
        assertThat(httpchk.find()).isTrue();
        paths.add(httpchk.group(1));
        assertThat(paths).hasSize(3);
        HttpClient client = HttpClient.newHttpClient();
        for (String path : paths) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void the_load_balancer_keeps_each_browser_on_its_node() throws IOException {
        String haproxy = Files.readString(Path.of("deploy/haproxy.cfg"));
        assertThat(haproxy).containsPattern("(?m)^\\s*cookie AUDITFLOW_NODE insert");
        assertThat(haproxy).containsPattern("(?m)^\\s*server app1 app1:8080 .*cookie app1");
        assertThat(haproxy).containsPattern("(?m)^\\s*server app2 app2:8080 .*cookie app2");
    }
}
