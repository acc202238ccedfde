package io.auditflow.common;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one owner of input hygiene for names and free text: Unicode NFC normalisation, and a clear
 * message for control characters (newline and tab are allowed in multi-line text only) and for
 * the invisible bidi characters that reorder what a reader sees ("Trojan Source", CVE-2021-42574).
 * Programs, users, teams, comments, due-date reasons and evidence file names all pass through here.
 */
public final class Text {

    private Text() {
    }

    /** A name or other one-line value: trimmed, NFC; any control or bidi character is an error on {@code field}. */
    public static String singleLine(String raw, String field, String label, Validation v) {
        return clean(raw, false, field, label, v);
    }

    /** Free text: like {@link #singleLine} but newlines (CR LF becomes LF) and tabs are kept. */
    public static String multiLine(String raw, String field, String label, Validation v) {
        return clean(raw, true, field, label, v);
    }

    /** The first character that no name or text may hold, or -1. */
    public static int firstForbidden(String s, boolean multiLine) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (isBidiControl(c) || (Character.getType(c) == Character.CONTROL
                    && !(multiLine && (c == '\n' || c == '\t')))) {
                return c;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    private static String clean(String raw, boolean multiLine, String field, String label, Validation v) {
        if (raw == null) {
            return "";
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
        if (multiLine) {
            s = s.replace("\r\n", "\n");
        }
        int bad = firstForbidden(s, multiLine);
        if (bad >= 0) {
            String code = String.format(Locale.ROOT, "U+%04X", bad);
            v.check(false, field, isBidiControl(bad)
                    ? label + " holds an invisible character that changes the reading direction (" + code + "); remove it"
                    : label + " holds a control character (" + code + ")"
                      + (multiLine ? "; only line breaks and tabs are allowed" : "; use one line of visible characters"));
        }
        return s;
    }

    /** Bidi embeddings, overrides and isolates, and the Arabic letter mark. */
    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x061C;
    }
}
