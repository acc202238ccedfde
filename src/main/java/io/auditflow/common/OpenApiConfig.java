package io.auditflow.common;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API contract: a real title, version and licence; the two ways to sign in (HTTP Basic and a
 * personal API token sent as {@code Authorization: Bearer <token>}); and on every operation the
 * error answers it can give, each an RFC 9457 problem ({@link Problems}). Checked by
 * {@code npx @redocly/cli lint} in .ci/run (docs/security.md).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static final String BASIC = "basicAuth";
    static final String TOKEN = "apiToken";
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Bean
    OpenAPI auditflowOpenApi(@Value("${auditflow.api.version:0.1.0}") String version) {
        return new OpenAPI()
                .info(new Info().title("Auditflow API").version(version)
                        .description("Audit programs, their SOC 2 and ISO/IEC 27001 lifecycles, tasks, evidence and"
                                + " administration. Every error is an RFC 9457 problem (application/problem+json) with"
                                + " a fieldErrors list for bad input.")
                        // The project's licence; change it here if the repository's LICENSE says otherwise.
                        .license(new License().name("Apache 2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                // Relative: the document is served by the instance it describes, whatever its address.
                .servers(java.util.List.of(new io.swagger.v3.oas.models.servers.Server().url("/")
                        .description("This Auditflow instance")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("User name and password of an Auditflow user"))
                        .addSecuritySchemes(TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal API token: Authorization: Bearer <token>")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(TOKEN));
    }

    /** Adds the error answers to every operation and a summary where one is missing. */
    @Bean
    OpenApiCustomizer problemAnswersInApiDocs() {
        return api -> {
            if (api.getPaths() == null) {
                return;
            }
            // Added here, not on the bean: springdoc replaces the bean's schemas with the scanned ones.
            if (api.getComponents() == null) {
                api.setComponents(new Components());
            }
            api.getComponents().addSchemas("Problem", problemSchema());
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
                ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
                if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                    // Operations that document only their errors still answer 200 when all is well.
                    responses.addApiResponse("200", new ApiResponse().description("OK"));
                }
                boolean hasBody = op.getRequestBody() != null;
                boolean hasInput = hasBody || (op.getParameters() != null && !op.getParameters().isEmpty());
                if (hasInput) {
                    add(responses, "400", "Bad input; fieldErrors names each bad field");
                }
                add(responses, "401", "Not signed in, or a wrong password or token");
                add(responses, "403", "Your role may not do this");
                if (path.contains("{")) {
                    add(responses, "404", "Not found, or not visible to you");
                }
                if (method != PathItem.HttpMethod.GET) {
                    add(responses, "409", "The state moved on (completed, claimed, archived); the detail says why");
                }
                if (hasBody) {
                    add(responses, "415", "The Content-Type is not accepted here");
                }
                if (path.endsWith("/evidence") && method == PathItem.HttpMethod.POST) {
                    add(responses, "413", "A file is larger than the upload limit");
                } else if (hasBody) {
                    add(responses, "413", "The request body is larger than auditflow.api.max-body-size (2 MB by default)");
                }
                add(responses, "500", "Something went wrong on our side; nothing was changed");
                op.setResponses(responses);
                if (op.getSummary() == null || op.getSummary().isBlank()) {
                    op.setSummary(summaryFrom(op));
                }
            }));
        };
    }

    private static void add(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/problem+json",
                            new MediaType().schema(new Schema<>().$ref(PROBLEM)))));
        }
    }

    private static String summaryFrom(Operation op) {
        String id = op.getOperationId() == null ? "operation" : op.getOperationId();
        String words = id.replaceAll("_\\d+$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Schema fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().example("name"))
                .addProperty("message", new StringSchema().example("Give the program a name"));
        return new ObjectSchema()
                .description("An RFC 9457 problem with Auditflow's extensions")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("Some fields are not valid: name: Give the program a name"))
                .addProperty("instance", new StringSchema().example("/api/programs"))
                .addProperty("message", new StringSchema().description("Same as detail, for older clients"))
                .addProperty("timestamp", new StringSchema().format("date-time"))
                .addProperty("fieldErrors", new ArraySchema().items(fieldError))
                .required(java.util.List.of("status", "title", "detail", "fieldErrors"));
    }
}
