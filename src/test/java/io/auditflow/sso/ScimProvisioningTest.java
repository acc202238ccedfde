package io.auditflow.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.identity.UserService;
import io.auditflow.security.ApiTokenService;
import io.auditflow.security.Role;
import io.auditflow.security.UserSessions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * SCIM provisioning replayed as Entra ID and Okta send it (request bodies from their published
 * SCIM documentation), plus who may call it and what bad input gets.
 */
class ScimProvisioningTest extends SsoIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    UserSessions sessions;

    @Autowired
    ApiTokenService apiTokens;

    private Scim scim;
    private String token;

    @BeforeEach
    void token() throws Exception {
        HttpResponse<String> made = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/admin/scim-token"))
                .header("Authorization", basic("admin", "demo")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).isEqualTo(201);
        token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(made.body()).get("token").asText();
        scim = new Scim(port, "Bearer " + token);
    }

    // ---- Microsoft Entra ID ----------------------------------------------------------------------

    @Test
    void entra_id_creates_finds_updates_groups_disables_and_deletes_a_user() {
        String userName = "Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1";
        assertThat(scim.get("/Users?filter=userName+eq+%22" + userName + "%22").body().get("totalResults").asInt()).isZero();

        Scim.Answer created = scim.send("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef",
                 "userName":"Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1",
                 "active":true,
                 "emails":[{"primary":true,"type":"work","value":"Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"givenName familyName","familyName":"familyName","givenName":"givenName"},
                 "roles":[]}""");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/scim+json");
        String id = created.body().get("id").asText();
        assertThat(created.body().get("userName").asText()).isEqualTo("test_user_ab6490ee-1e48-479e-a20b-2d77186b5dd1");
        assertThat(created.body().get("externalId").asText()).isEqualTo("0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef");
        assertThat(created.body().get("active").asBoolean()).isTrue();

        Scim.Answer found = scim.get("/Users?filter=userName+eq+%22" + userName + "%22");
        assertThat(found.body().get("totalResults").asInt()).isEqualTo(1);
        assertThat(found.body().get("Resources").get(0).get("id").asText()).isEqualTo(id);
        assertThat(found.body().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");

        Scim.Answer patched = scim.send("PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"emails[type eq \\"work\\"].value","value":"updatedEmail@microsoft.com"},
                               {"op":"Replace","path":"name.familyName","value":"updatedFamilyName"}]}""");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(users.getUser(userName).email()).isEqualTo("updatedEmail@microsoft.com");

        Scim.Answer group = scim.send("POST", "/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group","http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
                 "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
                 "displayName":"Auditflow Managers",
                 "meta":{"resourceType":"Group"}}""");
        assertThat(group.status()).isEqualTo(201);
        String groupId = group.body().get("id").asText();

        assertThat(scim.send("PATCH", "/Groups/" + groupId, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"name":"addMember","op":"Add","path":"members","value":[{"$ref":null,"value":"%s"}]}]}"""
                .formatted(id)).status()).isEqualTo(204);
        assertThat(users.getUser(userName).roles()).containsExactly(Role.COMPLIANCE_MANAGER);
        assertThat(users.getUser(userName).teams()).containsExactly("auditflow-managers");

        Scim.Answer withoutMembers = scim.get("/Groups?excludedAttributes=members&filter=displayName+eq+%22Auditflow+Managers%22");
        assertThat(withoutMembers.body().get("totalResults").asInt()).isEqualTo(1);
        assertThat(withoutMembers.body().get("Resources").get(0).has("members")).isFalse();
        assertThat(scim.get("/Groups/" + groupId).body().get("members").get(0).get("value").asText()).isEqualTo(id);

        assertThat(scim.send("PATCH", "/Groups/" + groupId, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"name":"removeMember","op":"Remove","path":"members","value":[{"$ref":null,"value":"%s"}]}]}"""
                .formatted(id)).status()).isEqualTo(204);
        assertThat(users.getUser(userName).roles()).isEmpty();
        assertThat(users.getUser(userName).teams()).isEmpty();

        Scim.Answer disabled = scim.send("PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Replace","path":"active","value":"False"}]}""");
        assertThat(disabled.body().get("active").asBoolean()).isFalse();
        assertThat(users.getUser(userName).enabled()).isFalse();

        assertThat(scim.send("DELETE", "/Users/" + id, null).status()).isEqualTo(204);
        Scim.Answer gone = scim.get("/Users/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(gone.body().get("status").asText()).isEqualTo("404");
    }

    // ---- Okta -----------------------------------------------------------------------------------------

    @Test
    void okta_creates_replaces_deactivates_a_user_and_manages_a_group() {
        assertThat(scim.get("/Users?filter=userName%20eq%20%22test.user%40okta.local%22&startIndex=1&count=100")
                .body().get("totalResults").asInt()).isZero();
        Scim.Answer created = scim.send("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"test.user@okta.local",
                 "name":{"givenName":"Test","familyName":"User"},
                 "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
                 "displayName":"Test User",
                 "locale":"en-US",
                 "externalId":"00ujl29u0le5T6Aj10h7",
                 "groups":[],
                 "password":"1mz050nq",
                 "active":true}""");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.body().has("password")).isFalse();

        Scim.Answer replaced = scim.send("PUT", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "id":"%s",
                 "userName":"test.user@okta.local",
                 "name":{"givenName":"Another","familyName":"User"},
                 "emails":[{"primary":true,"value":"test.user@okta.local","type":"work"}],
                 "displayName":"Another User",
                 "locale":"en-US",
                 "externalId":"00ujl29u0le5T6Aj10h7",
                 "groups":[],
                 "active":true}""".formatted(id));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(users.getUser("test.user@okta.local").displayName()).isEqualTo("Another User");

        Scim.Answer group = scim.send("POST", "/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Test SCIMv2","members":[]}""");
        assertThat(group.status()).isEqualTo(201);
        String groupId = group.body().get("id").asText();
        assertThat(scim.send("PATCH", "/Groups/" + groupId, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"members","value":[{"value":"%s","display":"test.user@okta.local"}]}]}"""
                .formatted(id)).status()).isEqualTo(204);
        assertThat(users.getUser("test.user@okta.local").teams()).containsExactly("test-scimv2");

        assertThat(scim.send("PATCH", "/Groups/" + groupId, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"id":"%s","displayName":"Auditflow Executives"}}]}"""
                .formatted(groupId)).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + groupId).body().get("displayName").asText()).isEqualTo("Auditflow Executives");
        // The renamed group is now one the mapping gives a role for; the team code stays (open tasks use it).
        assertThat(users.getUser("test.user@okta.local").roles()).containsExactly(Role.EXECUTIVE);
        assertThat(users.getUser("test.user@okta.local").teams()).containsExactly("test-scimv2");

        assertThat(scim.send("PATCH", "/Groups/" + groupId, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(id)).status())
                .isEqualTo(204);
        assertThat(users.getUser("test.user@okta.local").teams()).isEmpty();
        assertThat(users.getUser("test.user@okta.local").roles()).isEmpty();

        Scim.Answer deactivated = scim.send("PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","value":{"active":false}}]}""");
        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();

        assertThat(scim.send("DELETE", "/Groups/" + groupId, null).status()).isEqualTo(204);
        assertThat(scim.get("/Groups/" + groupId).status()).isEqualTo(404);
        assertThat(users.findTeam("test-scimv2")).as("the team stays for its programs and tasks").isPresent();
    }

    // ---- deactivation ends sign-in, sessions and tokens ---------------------------------------------

    @Test
    void a_user_deactivated_through_scim_loses_sessions_and_tokens_and_cannot_sign_in_again() throws Exception {
        Scim.Answer created = scim.send("POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"carol.provisioned",
                 "displayName":"Carol Provisioned","emails":[{"primary":true,"value":"carol@example.com"}],"active":true}""");
        String id = created.body().get("id").asText();
        Scim.Answer group = scim.send("GET", "/Groups?filter=displayName+eq+%22Auditflow+Managers%22", null);
        String groupId = group.body().get("totalResults").asInt() > 0 ? group.body().get("Resources").get(0).get("id").asText()
                : scim.send("POST", "/Groups", "{\"displayName\":\"Auditflow Managers\"}").body().get("id").asText();
        scim.send("PATCH", "/Groups/" + groupId, """
                {"Operations":[{"op":"add","path":"members","value":[{"value":"%s"}]}]}""".formatted(id));

        TestOidcProvider.APP_PORT.set(port);
        OidcFlow browser = new OidcFlow(port);
        assertThat(OidcFlow.location(browser.signIn("carol.provisioned", TestOidcProvider.PASSWORD)))
                .isEqualTo("http://127.0.0.1:" + port + "/");
        String personalToken = tokenOf("carol.provisioned");
        assertThat(apiStatus("Bearer " + personalToken)).isEqualTo(200);
        assertThat(sessions.sessionsOf("carol.provisioned")).hasSize(1);

        scim.send("PATCH", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""");

        assertThat(sessions.sessionsOf("carol.provisioned")).as("live sessions").isEmpty();
        assertThat(browser.get("/").statusCode()).as("the old session is over").isEqualTo(302);
        assertThat(apiStatus("Bearer " + personalToken)).isEqualTo(401);
        OidcFlow again = new OidcFlow(port);
        assertThat(OidcFlow.location(again.signIn("carol.provisioned", TestOidcProvider.PASSWORD)))
                .isEqualTo("http://127.0.0.1:" + port + "/login?sso=disabled");
    }

    // ---- who may call, and bad input ----------------------------------------------------------------

    @Test
    void only_the_scim_token_opens_scim_not_a_wrong_token_a_password_or_a_personal_api_token() {
        String personal = tokenOf("admin");
        for (String authorization : new String[] {null, "Bearer scim_wrong", "Bearer " + token + "x",
                basic("admin", "demo"), "Bearer " + personal}) {
            Scim.Answer answer = new Scim(port, authorization).get("/Users");
            assertThat(answer.status()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/scim+json");
            assertThat(answer.body().get("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(answer.body().get("status").asText()).isEqualTo("401");
        }
        assertThat(scim.get("/ServiceProviderConfig").body().get("patch").get("supported").asBoolean()).isTrue();
        assertThat(scim.get("/ResourceTypes").body().get("totalResults").asInt()).isEqualTo(2);
        assertThat(scim.get("/Schemas").body().get("Resources").get(0).get("id").asText())
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
    }

    @Test
    void a_new_scim_token_replaces_the_old_one() throws Exception {
        String old = token;
        token();
        assertThat(new Scim(port, "Bearer " + old).get("/Users").status()).isEqualTo(401);
        assertThat(scim.get("/Users").status()).isEqualTo(200);
    }

    @Test
    void bad_json_too_large_bodies_bad_filters_and_local_accounts_get_scim_errors() {
        Scim.Answer bad = scim.send("POST", "/Users", "{\"userName\": ");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("scimType").asText()).isEqualTo("invalidSyntax");

        Scim.Answer huge = scim.send("POST", "/Users", "{\"userName\":\"" + "x".repeat(300 * 1024) + "\"}");
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body().get("status").asText()).isEqualTo("413");

        Scim.Answer filter = scim.get("/Users?filter=emails+co+%22example%22");
        assertThat(filter.status()).isEqualTo(400);
        assertThat(filter.body().get("scimType").asText()).isEqualTo("invalidFilter");

        Scim.Answer local = scim.send("POST", "/Users", "{\"userName\":\"manager\",\"active\":true}");
        assertThat(local.status()).isEqualTo(409);
        assertThat(local.body().get("scimType").asText()).isEqualTo("uniqueness");
        assertThat(scim.get("/Users?filter=userName+eq+%22manager%22").body().get("totalResults").asInt())
                .as("local accounts are invisible to the provider").isZero();

        Scim.Answer control = scim.send("POST", "/Users", "{\"userName\":\"eve.bidi\",\"displayName\":\"Eve \\u202e evil\"}");
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.body().get("scimType").asText()).isEqualTo("invalidValue");

        Scim.Answer notNumber = scim.get("/Users/abc");
        assertThat(notNumber.status()).isEqualTo(404);
    }

    @Test
    void pages_follow_start_index_and_count() {
        for (int i = 0; i < 3; i++) {
            scim.send("POST", "/Users", "{\"userName\":\"page.user" + i + "\",\"active\":true}");
        }
        Scim.Answer all = scim.get("/Users?count=200");
        int total = all.body().get("totalResults").asInt();
        assertThat(total).isGreaterThanOrEqualTo(3);
        Scim.Answer second = scim.get("/Users?startIndex=2&count=1");
        assertThat(second.body().get("startIndex").asInt()).isEqualTo(2);
        assertThat(second.body().get("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(second.body().get("totalResults").asInt()).isEqualTo(total);
        assertThat(second.body().get("Resources").get(0).get("id").asText())
                .isEqualTo(all.body().get("Resources").get(1).get("id").asText());
        assertThat(scim.get("/Users?count=0").body().get("Resources")).isEmpty();
    }

    private String tokenOf(String username) {
        var auth = UsernamePasswordAuthenticationToken.authenticated(username, null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            return apiTokens.create("scim test " + System.nanoTime(), null).token();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private int apiStatus(String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/programs"))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }
}
