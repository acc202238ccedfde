package io.auditflow.engagement;

import static io.auditflow.inbox.InboxFixture.as;
import static io.auditflow.inbox.InboxFixture.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.control.Soa;
import io.auditflow.control.SoaService;
import io.auditflow.inbox.InboxFixture;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.security.Role;
import io.auditflow.support.TestClock;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Issue 12 item 5: the Statement of Applicability in force is part of the binder of an ISO audit. */
@IntegrationTest
class IsoBinderTest {

    @Autowired EngagementFixture fx;
    @Autowired InboxFixture inbox;
    @Autowired SoaService soa;
    @Autowired ManagementService management;
    @Autowired TestClock clock;
    @Autowired ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void the_binder_of_an_iso_audit_carries_the_approved_soa_as_csv_and_pdf_with_their_hashes() throws Exception {
        Program iso = inbox.program("ISO binder", "grc", Framework.ISO27001);
        ResponseEntity<JsonNode> created = fx.as("manager").postForEntity("/api/engagements", Map.of(
                "programId", iso.id(), "milestoneType", "SURVEILLANCE_AUDIT_1", "cycle", 1, "auditFirm", "Example Cert GmbH",
                "periodStart", "2025-03-01", "periodEnd", "2026-02-28", "fieldworkStart", "2026-03-02",
                "fieldworkEnd", "2026-03-04"), JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();
        fx.invite(id, "auditor");

        // No approved SoA yet: the index says so and no document is added.
        Map<String, byte[]> before = EngagementLoopTest.unzip(binder("auditor", id));
        assertThat(before.keySet()).containsExactly("manifest.csv", "manifest.json", "index.pdf");
        assertThat(pdfText(before.get("index.pdf"))).contains("Statement of Applicability")
                .contains("No version of the Statement of Applicability is approved for this program");

        // A member drafts and submits version 1 with A.7.1 not applicable; a manager approves it on 8 January 2026.
        as("member", Role.COMPLIANCE_MEMBER, () -> soa.startDraft(iso.id()));
        as("member", Role.COMPLIANCE_MEMBER, () -> soa.updateEntry(iso.id(), 1, "A.7.1",
                new Soa.EntryRequest(false, "Fully remote: no premises of our own", null)));
        as("member", Role.COMPLIANCE_MEMBER, () -> soa.submit(iso.id(), 1));
        clock.advanceDays(3);
        run("manager", Role.COMPLIANCE_MANAGER, () -> soa.decide(iso.id(), 1, new Soa.Decision(true, "Agreed")));
        runJobs();

        byte[] zip = binder("auditor", id);
        Map<String, byte[]> entries = EngagementLoopTest.unzip(zip);
        String csvPath = "documents/soa-" + iso.name().replace(' ', '-') + "-v1.csv";
        String pdfPath = "documents/soa-" + iso.name().replace(' ', '-') + "-v1.pdf";
        assertThat(entries.keySet()).containsExactly("manifest.csv", "manifest.json", "index.pdf", csvPath, pdfPath);

        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(entries.get("manifest.csv"), StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(r -> r.get("path")).containsExactly(csvPath, pdfPath);
        for (CSVRecord row : rows) {
            assertThat(row.get("request")).isEqualTo("Statement of Applicability");
            assertThat(row.get("request_text")).startsWith("SoA version 1, approved by manager on 2026-01-08 (92 of 93");
            assertThat(row.get("sha256")).isEqualTo(EngagementLoopTest.sha256(entries.get(row.get("path"))));
            assertThat(row.get("size_bytes")).isEqualTo(String.valueOf(entries.get(row.get("path")).length));
        }
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("files")).hasSize(2);
        assertThat(manifest.get("files").get(1).get("sha256").asText()).isEqualTo(EngagementLoopTest.sha256(entries.get(pdfPath)));

        // The SoA read back: 93 Annex A lines, A.7.1 not applicable with its reason; the PDF names the approval.
        List<CSVRecord> soaRows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(entries.get(csvPath), StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(soaRows).hasSize(93);
        assertThat(soaRows).filteredOn(r -> r.get(0).equals("A.7.1")).singleElement().satisfies(r -> {
            assertThat(r.get("Applicable")).isEqualTo("No");
            assertThat(r.get("Justification")).isEqualTo("Fully remote: no premises of our own");
        });
        assertThat(pdfText(entries.get(pdfPath))).contains("Statement of Applicability - ISO binder")
                .contains("version 1 - Approved by manager on 2026-01-08").contains("92 of 93 controls applicable");
        assertThat(pdfText(entries.get("index.pdf"))).contains("Statement of Applicability").contains(pdfPath)
                .contains(EngagementLoopTest.sha256(entries.get(pdfPath)));

        // Exporting again later (as the manager) gives the same manifests and the same SoA files.
        clock.advanceDays(2);
        Map<String, byte[]> again = EngagementLoopTest.unzip(binder("manager", id));
        assertThat(again.get("manifest.csv")).isEqualTo(entries.get("manifest.csv"));
        assertThat(again.get("manifest.json")).isEqualTo(entries.get("manifest.json"));
        assertThat(again.get(pdfPath)).isEqualTo(entries.get(pdfPath));

        // Auditors cannot read SoAs directly; the binder of their engagement is the only way in.
        assertThat(fx.as("auditor").getForEntity("/api/programs/" + iso.id() + "/soa", String.class).getStatusCode().value())
                .isIn(403, 404);
    }

    @Test
    void the_binder_of_a_soc2_audit_has_no_soa_section() throws Exception {
        Program program = fx.program("SOC 2 binder");
        long id = fx.engagement(program);
        Map<String, byte[]> entries = EngagementLoopTest.unzip(binder("manager", id));
        assertThat(entries.keySet()).containsExactly("manifest.csv", "manifest.json", "index.pdf");
        assertThat(pdfText(entries.get("index.pdf"))).doesNotContain("Statement of Applicability");
    }

    private byte[] binder(String user, long id) {
        ResponseEntity<byte[]> r = fx.as(user).getForEntity("/api/engagements/" + id + "/binder", byte[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    private void runJobs() {
        for (int i = 0; i < 10; i++) {
            List<Job> due = management.createJobQuery().processDefinitionKey(SoaService.PROCESS).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> SystemAuthentication.run(() -> management.executeJob(j.getId())));
        }
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }
}
