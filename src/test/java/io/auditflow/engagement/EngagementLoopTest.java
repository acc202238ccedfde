package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.auditflow.IntegrationTest;
import io.auditflow.evidence.EvidenceSamples;
import io.auditflow.mail.MailOutbox;
import io.auditflow.mail.MailStatus;
import io.auditflow.program.Program;
import io.auditflow.support.TestClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The whole request loop over the API: import, answer with evidence, send back, fix, accept, binder. */
@IntegrationTest
class EngagementLoopTest {

    @Autowired EngagementFixture fx;
    @Autowired TestClock clock;
    @Autowired MailOutbox outbox;
    @Autowired ObjectMapper json;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_request_goes_open_in_progress_submitted_needs_revision_and_accepted_and_lands_in_the_binder() throws Exception {
        Program program = fx.program("Loop");
        long id = fx.engagement(program);
        fx.invite(id, "auditor");

        ResponseEntity<JsonNode> imported = fx.importCsv("manager", id, fx.bytes(EngagementFixture.CSV));
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody().get("created").asInt()).isEqualTo(2);
        JsonNode pbc1 = fx.request("auditor", id, "PBC-01");
        assertThat(pbc1.get("status").asText()).isEqualTo("OPEN");
        assertThat(pbc1.get("dueDate").asText()).isEqualTo("2026-02-15");
        long requestId = pbc1.get("id").asLong();

        // The answer task is in the team's inbox like any other task.
        JsonNode task = fx.as("member").getForObject("/api/tasks/" + pbc1.get("currentTaskId").asText(), JsonNode.class);
        assertThat(task.toString()).contains("Audit request PBC-01");

        fx.as("member").postForEntity("/api/tasks/" + pbc1.get("currentTaskId").asText() + "/claim", null, JsonNode.class);
        assertThat(fx.request("auditor", id, "PBC-01").get("status").asText()).isEqualTo("IN_PROGRESS");
        fx.as("member").postForEntity("/api/tasks/" + pbc1.get("currentTaskId").asText() + "/unclaim", null, JsonNode.class);

        long first = fx.answer(id, "PBC-01", "Hires list attached", "hires.csv", EvidenceSamples.csv(), LocalDate.parse("2025-11-30"));
        assertThat(fx.request("auditor", id, "PBC-01").get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(outbox.exists("REQUEST_SUBMITTED:" + requestId + ":" + clock.instant().toEpochMilli() + ":auditor")).isTrue();

        ResponseEntity<JsonNode> back = fx.decide("auditor", requestId, false, "The list lacks start dates");
        assertThat(back.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode revised = fx.request("member", id, "PBC-01");
        assertThat(revised.get("status").asText()).isEqualTo("NEEDS_REVISION");
        assertThat(revised.get("currentTaskId").asText()).isNotEqualTo(pbc1.get("currentTaskId").asText());
        JsonNode thread = fx.as("member").getForObject("/api/engagements/requests/" + requestId + "/comments", JsonNode.class);
        assertThat(thread).hasSize(1);
        assertThat(thread.get(0).get("body").asText()).isEqualTo("The list lacks start dates");
        assertThat(thread.get(0).get("fromAuditor").asBoolean()).isTrue();

        ResponseEntity<JsonNode> reply = fx.as("member").postForEntity("/api/engagements/requests/" + requestId + "/comments",
                Map.of("comment", "Start dates added", "parentId", thread.get(0).get("id").asLong()), JsonNode.class);
        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(outbox.exists("REQUEST_COMMENT:" + reply.getBody().get("id").asLong() + ":auditor")).isTrue();

        clock.advanceDays(1);
        long second = fx.answer(id, "PBC-01", "Hires list with start dates", "hires.pdf", EvidenceSamples.pdf(), LocalDate.parse("2026-01-02"));
        ResponseEntity<JsonNode> accepted = fx.decide("auditor", requestId, true, null);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(accepted.getBody().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.getBody().get("decidedBy").asText()).isEqualTo("auditor");
        fx.runJobs();
        assertThat(outbox.exists("REQUEST_ACCEPTED:" + requestId + ":member")).isTrue();

        // Both rounds' files belong to the request; the second is dated after the period and flagged.
        JsonNode evidence = fx.as("auditor").getForObject("/api/engagements/requests/" + requestId + "/evidence", JsonNode.class);
        assertThat(evidence).hasSize(2);
        assertThat(evidence.get(0).get("outsideWindow").asBoolean()).isFalse();
        assertThat(evidence.get(1).get("outsideWindow").asBoolean()).isTrue();
        assertThat(fx.as("auditor").getForEntity("/api/evidence/" + first + "/content", byte[].class).getBody())
                .isEqualTo(EvidenceSamples.csv());

        JsonNode progress = fx.as("auditor").getForObject("/api/engagements/" + id + "/progress", JsonNode.class);
        assertThat(progress.get("byStatus").get("ACCEPTED").asInt()).isEqualTo(1);
        assertThat(progress.get("byStatus").get("OPEN").asInt()).isEqualTo(1);
        assertThat(progress.get("daysToFieldworkEnd").asLong()).isEqualTo(52); // 2026-01-06 -> 2026-02-27

        byte[] zip = binder(id);
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries.keySet()).containsExactly("manifest.csv", "manifest.json", "index.pdf",
                "evidence/PBC-01/" + first + "-hires.csv", "evidence/PBC-01/" + second + "-hires.pdf");
        var rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(new String(entries.get("manifest.csv"), StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).hasSize(2);
        for (CSVRecord row : rows) {
            assertThat(row.get("request")).isEqualTo("PBC-01");
            assertThat(row.get("accepted_by")).isEqualTo("auditor");
            assertThat(row.get("uploaded_by")).isEqualTo("member");
            assertThat(sha256(entries.get(row.get("path")))).isEqualTo(row.get("sha256"));
        }
        assertThat(rows.get(0).get("sha256")).isEqualTo(sha256(EvidenceSamples.csv()));
        assertThat(rows.get(1).get("evidence_date")).isEqualTo("2026-01-02");
        JsonNode manifest = json.readTree(entries.get("manifest.json"));
        assertThat(manifest.get("files")).hasSize(2);
        assertThat(manifest.get("files").get(1).get("outsidePeriod").asBoolean()).isTrue();
        try (PDDocument pdf = Loader.loadPDF(entries.get("index.pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Audit binder").contains("PBC-01").contains("hires.pdf")
                    .contains(sha256(EvidenceSamples.pdf()).substring(0, 16));
        }
        // Deterministic: the same state exports the same manifest.
        Map<String, byte[]> again = unzip(binder(id));
        assertThat(again.get("manifest.csv")).isEqualTo(entries.get("manifest.csv"));
        assertThat(again.get("manifest.json")).isEqualTo(entries.get("manifest.json"));
    }

    @Test
    void the_executive_timeline_shows_the_engagements_fieldwork_on_its_programs_lane() {
        String name = "Fieldwork lane " + System.nanoTime();
        Program program = fx.program(name);
        fx.engagement(program);
        ResponseEntity<String> drawing = fx.as("executive").getForEntity("/api/timeline/drawing?range=SIX_YEARS&q="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8), String.class);
        assertThat(drawing.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(drawing.getBody()).contains("<rect class=\"ov\"")
                .contains("fieldwork 2026-01-12 – 2026-02-27 · Example CPA LLP");
        ResponseEntity<String> other = fx.as("executive").getForEntity("/api/timeline/drawing?range=SIX_YEARS&q=nothing-matches-"
                + System.nanoTime(), String.class);
        assertThat(other.getBody()).as("no lane, no fieldwork bar").doesNotContain("class=\"ov\"");
    }

    @Test
    void re_importing_the_same_list_does_not_duplicate_and_a_changed_row_updates_its_request() {
        long id = fx.engagement(fx.program("Reimport"));
        assertThat(fx.importCsv("manager", id, fx.bytes(EngagementFixture.CSV)).getBody().get("created").asInt()).isEqualTo(2);
        JsonNode again = fx.importCsv("manager", id, fx.bytes(EngagementFixture.CSV)).getBody();
        assertThat(again.get("created").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(2);
        String changed = EngagementFixture.CSV.replace("2026-02-15", "2026-02-18");
        JsonNode third = fx.importCsv("manager", id, fx.bytes(changed)).getBody();
        assertThat(third.get("updated").asInt()).isEqualTo(1);
        assertThat(fx.requests("manager", id)).hasSize(2);
        assertThat(fx.request("manager", id, "PBC-01").get("dueDate").asText()).isEqualTo("2026-02-18");
    }

    @Test
    void a_bad_list_imports_nothing_and_answers_with_row_numbers_and_reasons() {
        long id = fx.engagement(fx.program("Bad CSV"));
        String bad = "reference,request,criteria,due date\r\nA-1,Fine row,CC1.1,2026-03-01\r\nA-2,,CC1.2,2026-03-01\r\n"
                + "A-3,Bad date,CC1.3,31/02/2026\r\n";
        ResponseEntity<JsonNode> r = fx.importCsv("manager", id, fx.bytes(bad));
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(r.getBody().get("fieldErrors").toString())
                .contains("Row 3: the request text is empty").contains("Row 4: '31/02/2026' is not a date");
        assertThat(fx.requests("manager", id)).isEmpty();

        ResponseEntity<JsonNode> unknown = fx.importCsv("manager", id, fx.bytes("reference,request,colour\r\nA,B,C\r\n"));
        assertThat(unknown.getBody().get("fieldErrors").get(0).get("message").asText()).contains("unknown column 'colour'");
        ResponseEntity<JsonNode> binary = fx.importCsv("manager", id, EvidenceSamples.png());
        assertThat(binary.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(binary.getBody().get("fieldErrors").get(0).get("message").asText()).contains("not a CSV");
        StringBuilder big = new StringBuilder("reference,request\r\n");
        for (int i = 0; i < 10_000; i++) {
            big.append("R-").append(i).append(",Request ").append(i).append("\r\n");
        }
        ResponseEntity<JsonNode> tooMany = fx.importCsv("manager", id, fx.bytes(big.toString()));
        assertThat(tooMany.getBody().get("fieldErrors").get(0).get("message").asText())
                .isEqualTo("The list has 10000 rows; import at most 5000 at once");
        assertThat(fx.requests("manager", id)).isEmpty();
    }

    private byte[] binder(long id) {
        ResponseEntity<byte[]> r = fx.as("manager").getForEntity("/api/engagements/" + id + "/binder", byte[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(r.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        return r.getBody();
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
