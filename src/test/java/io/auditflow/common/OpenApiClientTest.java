package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.IntegrationTest;
import io.auditflow.client.ApiClient;
import io.auditflow.client.ApiException;
import io.auditflow.client.api.AdministrationApi;
import io.auditflow.client.api.ProgramsApi;
import io.auditflow.client.api.TasksApi;
import io.auditflow.client.model.Program;
import io.auditflow.client.model.ProgramRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A Java client generated from the API contract (openapi-generator, native library; see pom.xml
 * and src/test/resources/openapi) calls the running app: the document is good enough to build on.
 */
@IntegrationTest
class OpenApiClientTest {

    @LocalServerPort int port;

    private ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        String basic = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(b -> b.header("Authorization", "Basic " + basic));
        return client;
    }

    @Test
    void the_generated_client_lists_and_creates_programs_and_reads_task_counts() throws Exception {
        ProgramsApi programs = new ProgramsApi(client("manager"));
        assertThat(programs.callList(false)).extracting(Program::getName).contains("Acme Cloud SOC 2 Type II");

        String name = "Generated client " + System.nanoTime();
        Program created = programs.create(new ProgramRequest().name(name).framework(ProgramRequest.FrameworkEnum.ISO27001)
                .isoEdition("2022").owner("manager").team("grc"));
        assertThat(created.getName()).isEqualTo(name);
        assertThat(new TasksApi(client("member")).counts().getMine()).isNotNull();
    }

    @Test
    void the_generated_client_sees_the_documented_error_answers() {
        assertThatThrownBy(() -> new AdministrationApi(client("member")).listUsers())
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getResponseBody()).contains("\"fieldErrors\"");
                });
        assertThatThrownBy(() -> new ProgramsApi(client("manager")).create(new ProgramRequest().name("")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getCode()).isEqualTo(400));
    }
}
