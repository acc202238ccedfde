package io.auditflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.auditflow.common.FieldError;
import io.auditflow.common.ValidationException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Request lists as spreadsheet programs save them: BOM, CRLF, ';' from European Excel, Windows-1252. */
class RequestCsvTest {

    private static final EngagementProperties SETTINGS = new EngagementProperties(null, null, null, null, null);

    private static List<RequestForm> parse(byte[] bytes) {
        return RequestCsv.parse(bytes, SETTINGS);
    }

    private static List<String> errors(byte[] bytes) {
        try {
            parse(bytes);
        } catch (ValidationException e) {
            return e.errors().stream().map(FieldError::message).toList();
        }
        throw new AssertionError("no errors");
    }

    @Test
    void a_utf8_export_with_bom_crlf_and_semicolons_is_read_with_quotes_and_accents() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String body = "Reference;Request;Criteria / Controls;Due Date;Owner hint\r\n"
                + "PBC-01;\"Liste der Mitarbeiter; mit Eintrittsdatum\";CC1.4;2026-03-31;grc\r\n"
                + "PBC-02;Zugriffsprüfung Q1–Q4;\"CC6.1, CC6.2\";31.03.2026;\r\n"
                + ";;;;\r\n";
        byte[] file = concat(bom, body.getBytes(StandardCharsets.UTF_8));
        List<RequestForm> rows = parse(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isEqualTo(new RequestForm("PBC-01", "Liste der Mitarbeiter; mit Eintrittsdatum", "CC1.4",
                LocalDate.of(2026, 3, 31), "grc"));
        assertThat(rows.get(1).text()).isEqualTo("Zugriffsprüfung Q1–Q4");
        assertThat(rows.get(1).criteria()).isEqualTo("CC6.1, CC6.2");
        assertThat(rows.get(1).dueDate()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(rows.get(1).ownerHint()).isNull();
    }

    @Test
    void a_windows_1252_comma_export_is_read_too() {
        byte[] file = "reference,request\r\nA-1,Prüfung der Zugänge\r\n".getBytes(Charset.forName("windows-1252"));
        assertThat(parse(file).get(0).text()).isEqualTo("Prüfung der Zugänge");
    }

    @Test
    void multi_line_cells_keep_their_line_breaks() {
        byte[] file = "reference,request\r\nA-1,\"Line one\r\nLine two\"\r\nA-2,Next\r\n".getBytes(StandardCharsets.UTF_8);
        List<RequestForm> rows = parse(file);
        assertThat(rows.get(0).text()).isEqualTo("Line one\r\nLine two");
        assertThat(rows.get(1).reference()).isEqualTo("A-2");
    }

    @Test
    void every_bad_row_is_reported_with_its_number_and_reason() {
        byte[] file = ("reference,request,due date\n"
                + "A-1,ok,2026-01-01\n"
                + "A-2,,2026-01-01\n"
                + ",no reference,\n"
                + "A-1,duplicate,\n"
                + "A-5,bad date,2026-13-01\n"
                + "A-6,too many,2026-01-01,extra\n").getBytes(StandardCharsets.UTF_8);
        assertThat(errors(file)).containsExactly(
                "Row 3: the request text is empty",
                "Row 4: the reference is empty",
                "Row 5: reference 'A-1' appears twice in the file",
                "Row 6: '2026-13-01' is not a date; use 2026-03-31 (or 31.03.2026)",
                "Row 7: has 4 values but the header has 3 columns");
    }

    @Test
    void an_unknown_column_a_missing_header_and_a_binary_file_are_refused() {
        assertThat(errors("reference,request,colour\nA,B,red\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("Row 1: unknown column 'colour'; use reference, request, criteria, due date, owner hint");
        assertThat(errors("A-1,Some request\n".getBytes(StandardCharsets.UTF_8)).get(0))
                .contains("unknown column 'A-1'");
        assertThat(errors(new byte[] {'P', 'K', 3, 4, 0, 0, 1})).containsExactly(
                "This is not a CSV text file; save the request list as CSV (UTF-8)");
        assertThat(errors(new byte[0])).containsExactly("The file is empty; export the request list as CSV with a header row");
        assertThat(errors("reference,request\r\n".getBytes(StandardCharsets.UTF_8)))
                .containsExactly("The file has a header but no requests");
    }

    @Test
    void more_than_five_thousand_rows_or_two_megabytes_are_refused_with_the_limit_in_the_message() {
        StringBuilder rows = new StringBuilder("reference,request\n");
        for (int i = 0; i <= 5000; i++) {
            rows.append("R").append(i).append(",x\n");
        }
        assertThat(errors(rows.toString().getBytes(StandardCharsets.UTF_8)))
                .containsExactly("The list has 5001 rows; import at most 5000 at once");
        byte[] big = new byte[2 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(errors(big)).containsExactly("The file is larger than 2 MB; split the request list into smaller files");
    }

    @Test
    void the_separator_is_the_one_the_header_uses_most() {
        assertThat(RequestCsv.separator("a;b;c\n1,2")).isEqualTo(';');
        assertThat(RequestCsv.separator("a,b,c\n1;2")).isEqualTo(',');
        assertThat(RequestCsv.separator("a\tb\tc")).isEqualTo('\t');
        assertThat(RequestCsv.separator("\"a;b\",c")).isEqualTo(',');
    }

    @Test
    void formula_like_cells_in_the_manifest_are_defused() {
        assertThat(BinderService.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(BinderService.cell("@SUM(1)")).isEqualTo("'@SUM(1)");
        assertThat(BinderService.cell("PBC-01")).isEqualTo("PBC-01");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
