package io.auditflow.common;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The one place that decides how a CSV export is worded for a reader (decision 0152): header names and
 * enum values in the reader's language, dates and times always ISO 8601 (so spreadsheets sort them and
 * a re-import reads them, whatever the language). English keeps every export exactly as it was (its
 * headers and codes), which is also what the API returns unless it is asked for {@code lang=de}.
 * Header keys are {@code csv.<export>.<english header>} with spaces and punctuation as underscores.
 */
public final class CsvWords {

    public static final CsvWords ENGLISH = new CsvWords(Locale.ENGLISH);

    private final Locale locale;

    private CsvWords(Locale locale) {
        this.locale = locale;
    }

    public static CsvWords of(Locale locale) {
        Locale language = Messages.language(locale);
        return language.equals(Locale.ENGLISH) ? ENGLISH : new CsvWords(language);
    }

    public Locale locale() {
        return locale;
    }

    public boolean english() {
        return locale.equals(Locale.ENGLISH);
    }

    /** The header row: English as given; another language from the bundle ({@code csv.<export>.<header>}). */
    public String[] header(String export, String... english) {
        if (english()) {
            return english.clone();
        }
        String[] out = new String[english.length];
        for (int i = 0; i < english.length; i++) {
            out[i] = Messages.get(key(export, english[i]), locale);
        }
        return out;
    }

    static String key(String export, String englishHeader) {
        return "csv." + export + "." + englishHeader.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    /** An enum value: English keeps what the export always wrote ({@code englishCell}: its code or its word), others the label. */
    public String value(Enum<?> value, String englishCell) {
        if (value == null) {
            return "";
        }
        return english() ? englishCell : Labels.of(value, locale);
    }

    /** An enum value whose English cell is its code ({@code MISSED}); "Versäumt" for a German reader. */
    public String code(Enum<?> value) {
        return value == null ? "" : value(value, value.name());
    }

    /** A yes/no cell: "Yes"/"No" in English (as the SoA always wrote), "Ja"/"Nein" in German. */
    public String yesNo(boolean yes) {
        return Messages.get(yes ? "csv.yes" : "csv.no", locale);
    }

    /** A day: ISO 8601 in every language (2026-12-24), so a spreadsheet sorts it and an import reads it. */
    public String day(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** A moment: ISO 8601 in UTC in every language (2026-12-24T09:30:00Z). */
    public String instant(Instant at) {
        return at == null ? "" : at.toString();
    }
}
