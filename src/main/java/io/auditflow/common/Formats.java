package io.auditflow.common;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one owner of how dates, date-times and numbers are written for a reader: one pattern per
 * shipped language (English keeps ISO-8601 {@code 2026-12-24}, German {@code 24.12.2026}); date
 * pickers get the same pattern, so what people type and what they read agree (decision 0094).
 * Instants are shown in the organisation's zone.
 */
public final class Formats {

    private Formats() {
    }

    /** The day pattern, in the tokens both {@link DateTimeFormatter} and Vaadin's date picker understand. */
    public static String datePattern(Locale locale) {
        return Messages.language(locale).equals(Locale.GERMAN) ? "dd.MM.yyyy" : "yyyy-MM-dd";
    }

    public static String date(LocalDate day, Locale locale) {
        return day == null ? "" : DateTimeFormatter.ofPattern(datePattern(locale), Messages.language(locale)).format(day);
    }

    /** A period of whole days, both ends included. */
    public static String period(LocalDate from, LocalDate to, Locale locale) {
        return date(from, locale) + " – " + date(to, locale);
    }

    /** A day written out for mails: English "Thursday 24 December 2026" (as mails always were), German "Donnerstag, 24.12.2026". */
    public static String longDate(LocalDate day, Locale locale) {
        Locale language = Messages.language(locale);
        String pattern = language.equals(Locale.GERMAN) ? "EEEE, " + datePattern(language) : "EEEE d MMMM yyyy";
        return day == null ? "" : DateTimeFormatter.ofPattern(pattern, language).format(day);
    }

    /** A month: English ISO-8601 "2026-08" (as the board report mail always wrote it), German "August 2026". */
    public static String month(YearMonth month, Locale locale) {
        Locale language = Messages.language(locale);
        return month == null ? "" : language.equals(Locale.GERMAN)
                ? DateTimeFormatter.ofPattern("LLLL yyyy", language).format(month) : month.toString();
    }

    public static String dateTime(Instant at, ZoneId zone, Locale locale) {
        return at == null ? "" : DateTimeFormatter.ofPattern(datePattern(locale) + " HH:mm", Messages.language(locale))
                .withZone(zone).format(at);
    }

    public static String number(Number n, Locale locale) {
        return n == null ? "" : NumberFormat.getInstance(Messages.language(locale)).format(n);
    }
}
