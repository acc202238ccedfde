package io.auditflow.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramService;
import io.auditflow.support.TestClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The executive resources over HTTP: who may call them, what they return, caching, compression, bad input. */
@IntegrationTest
class ExecutiveApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ProgramService programs;
    @Autowired
    MilestoneService milestones;
    @Autowired
    TestClock clock;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void seed() {
        clock.reset();
    }

    HttpResponse<byte[]> get(String user, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (!user.equals("anonymous")) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @ParameterizedTest(name = "{0} GET {1} -> {2}")
    @CsvSource({
            "admin,     /api/reports/board,                200",
            "manager,   /api/reports/board,                200",
            "executive, /api/reports/board,                200",
            "member,    /api/reports/board,                403",
            "auditor,   /api/reports/board,                403",
            "anonymous, /api/reports/board,                401",
            "admin,     /api/timeline/drawing,             200",
            "manager,   /api/timeline/drawing,             200",
            "member,    /api/timeline/drawing,             200",
            "executive, /api/timeline/drawing,             200",
            "auditor,   /api/timeline/drawing,             200",
            "anonymous, /api/timeline/drawing,             401",
            "executive, /api/timeline/milestones.csv,      200",
            "auditor,   /api/timeline/milestones.csv,      200",
            "anonymous, /api/timeline/milestones.csv,      401",
            "member,    /api/dashboard/attention.csv,      200",
            "auditor,   /api/dashboard/certificates.csv,   200",
            "anonymous, /api/dashboard/coverage.csv,       401",
    })
    void executive_resources_follow_the_role_matrix(String user, String path, int expected) throws Exception {
        assertThat(get(user, path).statusCode()).isEqualTo(expected);
    }

    @Test
    void the_board_report_is_one_pdf_page_with_the_three_answers_the_date_and_the_scope() throws Exception {
        HttpResponse<byte[]> res = get("executive", "/api/reports/board");
        assertThat(res.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(res.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"board-report-2026-01-05.pdf\"");
        try (PDDocument pdf = Loader.loadPDF(res.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Audit board report — 2026-01-05", "Scope:", "all frameworks · all owners",
                    "ISO certificates", "SOC 2 coverage", "Audits in the next 90 days", "Overdue or missed",
                    "Next 12 months", "Open findings by kind and age", "Major nonconformities", "Overdue work by team");
        }
    }

    @Test
    void the_board_report_in_german_reads_german_words_and_dates_and_the_default_stays_english() throws Exception {
        HttpResponse<byte[]> res = get("executive", "/api/reports/board?lang=de");
        assertThat(res.statusCode()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(res.body())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Audit-Vorstandsbericht — 05.01.2026", "Umfang:", "alle Rahmenwerke · alle Verantwortlichen",
                    "ISO-Zertifikate", "SOC-2-Abdeckung", "Audits in den nächsten 90 Tagen", "Überfällig oder versäumt",
                    "Nächste 12 Monate", "Offene Feststellungen nach Art und Alter", "Hauptabweichungen",
                    "Überfällige Arbeit nach Team", "< 30 Tage");
            assertThat(text).doesNotContain("Next 12 months", "Scope:", "2026-01-05");
        }
        assertThat(get("executive", "/api/reports/board?lang=xx").statusCode()).isEqualTo(400);
    }

    @Test
    void the_drawing_is_compressed_and_sent_again_only_when_it_changed() throws Exception {
        HttpResponse<byte[]> first = get("executive", "/api/timeline/drawing?range=SIX_YEARS", "Accept-Encoding", "gzip");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(first.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(first.headers().firstValue("Cache-Control").orElseThrow()).contains("no-cache", "private");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = get("executive", "/api/timeline/drawing?range=SIX_YEARS", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void a_german_drawing_has_german_words_and_its_own_etag_while_the_default_stays_english() throws Exception {
        HttpResponse<byte[]> english = get("executive", "/api/timeline/drawing?range=SIX_YEARS");
        HttpResponse<byte[]> german = get("executive", "/api/timeline/drawing?range=SIX_YEARS&lang=de");
        String en = new String(english.body(), StandardCharsets.UTF_8);
        String de = new String(german.body(), StandardCharsets.UTF_8);
        assertThat(en).contains("<summary>Legend</summary>", "<h2>Audit timeline</h2><p>Printed 2026-01-05 · ");
        assertThat(de).contains("<summary>Legende</summary>", "<h2>Audit-Zeitleiste</h2><p>Gedruckt am 05.01.2026 · ",
                "alle Rahmenwerke · alle Verantwortlichen");
        String enTag = english.headers().firstValue("ETag").orElseThrow();
        String deTag = german.headers().firstValue("ETag").orElseThrow();
        assertThat(deTag).startsWith("W/\"").endsWith("-de\"").isNotEqualTo(enTag);
        // an English copy never answers a German reader's revalidation, and the other way round
        assertThat(get("executive", "/api/timeline/drawing?range=SIX_YEARS&lang=de", "If-None-Match", enTag).statusCode())
                .isEqualTo(200);
        assertThat(get("executive", "/api/timeline/drawing?range=SIX_YEARS&lang=de", "If-None-Match", deTag).statusCode())
                .isEqualTo(304);
        assertThat(get("executive", "/api/timeline/drawing?range=SIX_YEARS&lang=en").headers().firstValue("ETag"))
                .hasValue(enTag);
    }

    @Test
    void csv_exports_carry_the_filters_and_defuse_formulas() throws Exception {
        String name = "=HYPERLINK(\"x\") " + System.nanoTime();
        new TimelineSeed(programs, milestones, clock.today()).program(name, Framework.ISO27001, "manager", "grc")
                .isoCycle(1, LocalDate.parse("2022-10-01"), true);
        String csv = new String(get("executive", "/api/timeline/milestones.csv?range=SIX_YEARS&framework=ISO27001&q="
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("program_id,program,framework,owner,milestone,cycle,date,status\r\n");
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"x\"\") ").contains(",ISO27001,manager,CERTIFICATE_EXPIRY,1,2025-09-30,MISSED");
        assertThat(csv).doesNotContain("SOC2_TYPE2");
        String certificates = new String(get("executive", "/api/dashboard/certificates.csv?framework=ISO27001&q="
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)).body(), StandardCharsets.UTF_8);
        assertThat(certificates).startsWith("program_id,program,what,date,state\r\n")
                .contains("ISO certificate: expired 2025-09-30 without recertification,2025-10-01,Lapsed");
    }

    @Test
    void a_german_csv_download_has_german_headers_and_words_with_iso_dates_and_the_default_stays_english() throws Exception {
        String name = "CSV Sprache " + System.nanoTime();
        new TimelineSeed(programs, milestones, clock.today()).program(name, Framework.ISO27001, "manager", "grc")
                .isoCycle(1, LocalDate.parse("2022-10-01"), true);
        String q = "&q=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8);
        String english = new String(get("executive", "/api/timeline/milestones.csv?range=SIX_YEARS" + q).body(), StandardCharsets.UTF_8);
        String german = new String(get("executive", "/api/timeline/milestones.csv?range=SIX_YEARS&lang=de" + q).body(),
                StandardCharsets.UTF_8);
        assertThat(english).startsWith("program_id,program,framework,owner,milestone,cycle,date,status\r\n")
                .contains(",ISO27001,manager,CERTIFICATE_EXPIRY,1,2025-09-30,MISSED");
        assertThat(german).startsWith("Programm-ID,Programm,Rahmenwerk,Verantwortlich,Meilenstein,Zyklus,Datum,Status\r\n")
                .contains(",ISO/IEC 27001,manager,Ablauf des Zertifikats,1,2025-09-30,Versäumt")
                .doesNotContain("30.09.2025", "CERTIFICATE_EXPIRY");
        String certificates = new String(get("executive", "/api/dashboard/certificates.csv?lang=de&framework=ISO27001" + q).body(),
                StandardCharsets.UTF_8);
        assertThat(certificates).startsWith("Programm-ID,Programm,Was,Datum,Stand\r\n")
                .contains(",2025-10-01,Erloschen");
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource({
            "/api/timeline/drawing?range=FOREVER,          range",
            "/api/timeline/drawing?group=COLOUR,           group",
            "/api/timeline/milestones.csv?framework=SOC3,  framework",
            "/api/dashboard/everything.csv,                list",
            "/api/timeline/drawing?lang=fr,                lang",
            "/api/timeline/drawing?lang=%3Cb%3E,           lang",
    })
    void bad_parameters_get_a_json_error_naming_the_field(String path, String field) throws Exception {
        HttpResponse<byte[]> res = get("executive", path);
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(res.headers().firstValue("Content-Type").orElseThrow()).contains("json");
        assertThat(new String(res.body(), StandardCharsets.UTF_8)).contains("\"" + field + "\"").doesNotContain("Exception");
    }

    @Test
    void an_overlong_search_is_refused_with_a_clear_message() throws Exception {
        HttpResponse<byte[]> res = get("executive", "/api/timeline/drawing?q=" + "a".repeat(201));
        assertThat(res.statusCode()).isEqualTo(400);
        assertThat(new String(res.body(), StandardCharsets.UTF_8)).contains("Search for at most 200 characters.");
    }
}
