package io.auditflow.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Names and free text: NFC, no control characters (but newline and tab in text), no bidi overrides. */
class TextTest {

    private static String singleLineError(String raw) {
        Validation v = new Validation();
        Text.singleLine(raw, "name", "The name", v);
        try {
            v.throwIfInvalid();
            return null;
        } catch (ValidationException e) {
            return e.messageFor("name");
        }
    }

    @ParameterizedTest(name = "{0} is refused in a name with a message naming {1}")
    @CsvSource({
            "'Acme\r\nBcc: victim@example.com', U+000D",
            "'Acme\u0000', U+0000",
            "'Acme\u0007 bell', U+0007",
            "'Acme\u202Egnp.exe', U+202E",
            "'Acme \u2066isolate\u2069', U+2066",
    })
    void control_and_bidi_characters_are_refused_in_names(String raw, String code) {
        assertThat(singleLineError(raw)).isNotNull().contains(code);
    }

    @Test
    void bidi_overrides_get_a_message_that_says_what_they_do() {
        assertThat(singleLineError("Invoice\u202Efdp.exe")).contains("reading direction");
    }

    @Test
    void ordinary_names_in_any_script_pass_and_are_trimmed() {
        Validation v = new Validation();
        assertThat(Text.singleLine("  Åsa's ISO 27001 – 2026 (日本) עברית ", "name", "The name", v))
                .isEqualTo("Åsa's ISO 27001 – 2026 (日本) עברית");
        v.throwIfInvalid();
    }

    @Test
    void names_are_stored_in_nfc_so_that_look_alike_spellings_are_one_name() {
        Validation v = new Validation();
        // "e" followed by a combining acute accent becomes the single character é (U+00E9).
        assertThat(Text.singleLine("Caf\u0065\u0301", "name", "The name", v)).isEqualTo("Caf\u00e9");
        v.throwIfInvalid();
    }

    @Test
    void multi_line_text_keeps_line_breaks_and_tabs_but_not_other_controls() {
        Validation ok = new Validation();
        assertThat(Text.multiLine("line one\r\nline two\tindented", "comment", "The comment", ok))
                .isEqualTo("line one\nline two\tindented");
        ok.throwIfInvalid();

        Validation bad = new Validation();
        Text.multiLine("line one\u001b[31m red", "comment", "The comment", bad);
        assertThat(bad.hasError("comment")).isTrue();
    }
}
