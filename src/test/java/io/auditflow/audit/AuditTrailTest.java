package io.auditflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.evidence.EvidenceSamples;
import io.auditflow.identity.UserForm;
import io.auditflow.identity.UserService;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** The audit trail records what auditors ask for, and its hash chain detects a changed or removed entry. */
@IntegrationTest
class AuditTrailTest {

    @Autowired AuditTrail trail;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserService users;
    @Autowired InboxFixture fixture;
    @Autowired TestClock clock;
    @Autowired TestRestTemplate rest;

    private AuditVerification verify() {
        return SystemAuthentication.call(trail::verify);
    }

    private JsonNode latest(String action, String text) {
        JsonNode found = rest.withBasicAuth("admin", "demo")
                .getForObject("/api/admin/audit?action=" + action + "&text=" + text + "&size=5", JsonNode.class);
        assertThat(found.isArray()).as(String.valueOf(found)).isTrue();
        assertThat(found.size()).as(action + " " + text).isGreaterThan(0);
        return found.get(0);
    }

    @Test
    void an_entry_changed_by_sql_is_found_by_the_verification_and_the_chain_is_intact_again_once_restored() {
        AuditEntry e = trail.append("tester", "TAMPER_TEST", "row", "original text");
        trail.append("tester", "TAMPER_TEST", "row", "the entry after it");
        assertThat(verify().intact()).isTrue();

        jdbc.update("update audit_entry set details = 'harmless looking text' where seq = ?", e.seq());
        try {
            AuditVerification broken = verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBad()).isEqualTo(e.seq());
            assertThat(broken.reason()).contains("changed");
        } finally {
            jdbc.update("update audit_entry set details = 'original text' where seq = ?", e.seq());
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void an_entry_removed_by_sql_in_the_middle_or_at_the_end_is_found() {
        AuditEntry middle = trail.append("tester", "REMOVE_TEST", "row", "middle");
        AuditEntry last = trail.append("tester", "REMOVE_TEST", "row", "last");
        Map<String, Object> saved = jdbc.queryForMap("select * from audit_entry where seq = ?", middle.seq());
        jdbc.update("delete from audit_entry where seq = ?", middle.seq());
        try {
            AuditVerification broken = verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.firstBad()).isEqualTo(middle.seq());
            assertThat(broken.reason()).contains("removed");
        } finally {
            reinsert(saved);
        }
        Map<String, Object> tail = jdbc.queryForMap("select * from audit_entry where seq = ?", last.seq());
        jdbc.update("delete from audit_entry where seq = ?", last.seq());
        try {
            AuditVerification broken = verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.reason()).contains("removed from the end");
        } finally {
            reinsert(tail);
        }
        assertThat(verify().intact()).isTrue();
    }

    private void reinsert(Map<String, Object> row) {
        jdbc.update("insert into audit_entry (seq, at_ms, actor, action, target, details, prev_hash, hash) values (?,?,?,?,?,?,?,?)",
                row.get("SEQ"), row.get("AT_MS"), row.get("ACTOR"), row.get("ACTION"), row.get("TARGET"), row.get("DETAILS"),
                row.get("PREV_HASH"), row.get("HASH"));
    }

    @Test
    void concurrent_appends_on_h2_form_one_unbroken_chain() throws Exception {
        AuditChainChecks.concurrentAppendsFormOneChain(trail, jdbc);
    }

    @Test
    void disabling_a_user_and_changing_roles_are_recorded_with_the_admin_as_actor() {
        String name = "audited" + (System.nanoTime() % 100000);
        UserForm form = new UserForm(name, "Audited Person", null, "a-long-enough-password-1",
                Set.of(Role.COMPLIANCE_MEMBER), Set.of("grc"));
        InboxFixture.run("admin", Role.ADMIN, () -> users.createUser(form));
        form.setRoles(Set.of(Role.COMPLIANCE_MANAGER));
        InboxFixture.run("admin", Role.ADMIN, () -> users.updateUser(name, form));
        InboxFixture.run("admin", Role.ADMIN, () -> users.setEnabled(name, false));

        JsonNode disabled = latest("USER_DISABLED", name);
        assertThat(disabled.get("actor").asText()).isEqualTo("admin");
        assertThat(disabled.get("target").asText()).isEqualTo("user " + name);
        JsonNode roles = latest("USER_ROLES_CHANGED", name);
        assertThat(roles.get("details").asText()).contains("COMPLIANCE_MEMBER").contains("-> roles [COMPLIANCE_MANAGER]");
    }

    @Test
    void a_failed_sign_in_is_recorded_with_the_name_that_was_tried() {
        int status = rest.withBasicAuth("executive", "not-the-password").getForEntity("/api/programs", String.class)
                .getStatusCode().value();
        assertThat(status).isEqualTo(401);
        JsonNode failed = latest("SIGN_IN_FAILED", "executive");
        assertThat(failed.get("target").asText()).isEqualTo("user executive");
        assertThat(failed.get("details").asText()).contains("wrong user name or password");
    }

    @Test
    void evidence_uploads_and_downloads_and_task_claims_are_recorded() {
        Program program = fixture.program("Audited evidence", "grc");
        Task task = fixture.start(program, clock.today().plusDays(10));
        TestRestTemplate member = rest.withBasicAuth("member", "demo");
        assertThat(member.postForEntity("/api/tasks/" + task.getId() + "/claim", null, String.class)
                .getStatusCode().value()).isEqualTo(200);
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("files", new ByteArrayResource(EvidenceSamples.pdf()) {
            @Override
            public String getFilename() {
                return "audited.pdf";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<JsonNode> uploaded = member.postForEntity("/api/tasks/" + task.getId() + "/evidence",
                new HttpEntity<>(body, headers), JsonNode.class);
        long id = uploaded.getBody().get(0).get("id").asLong();
        member.getForEntity("/api/evidence/" + id + "/content", byte[].class);

        assertThat(latest("TASK_CLAIMED", task.getId()).get("actor").asText()).isEqualTo("member");
        assertThat(latest("EVIDENCE_UPLOADED", "audited.pdf").get("target").asText()).isEqualTo("evidence " + id);
        assertThat(latest("EVIDENCE_DOWNLOADED", "audited.pdf").get("actor").asText()).isEqualTo("member");
    }

    @Test
    void only_admins_read_export_and_verify_the_trail_and_formula_cells_are_defused_in_the_csv() {
        trail.append("tester", "CSV_TEST", "=HYPERLINK(\"http://evil\")", "-2+3");
        for (String user : new String[] {"manager", "member", "executive", "auditor"}) {
            assertThat(rest.withBasicAuth(user, "demo").getForEntity("/api/admin/audit", String.class)
                    .getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(rest.withBasicAuth(user, "demo").postForEntity("/api/admin/audit/verify", null, String.class)
                    .getStatusCode().value()).as(user).isEqualTo(403);
        }
        ResponseEntity<String> csv = rest.withBasicAuth("admin", "demo")
                .getForEntity("/api/admin/audit/export?action=CSV_TEST", String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getBody()).startsWith("seq,time,actor,action,target,details,prev_hash,hash");
        assertThat(csv.getBody()).contains("'=HYPERLINK").contains("'-2+3");
        JsonNode verified = rest.withBasicAuth("admin", "demo").postForObject("/api/admin/audit/verify", null, JsonNode.class);
        assertThat(verified.get("intact").asBoolean()).isTrue();
    }
}
