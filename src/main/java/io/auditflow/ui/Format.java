package io.auditflow.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.server.VaadinService;
import io.auditflow.common.AuditflowProperties;
import io.auditflow.common.FieldError;
import io.auditflow.common.Formats;
import io.auditflow.common.Labels;
import io.auditflow.common.Messages;
import io.auditflow.common.Phrase;
import io.auditflow.common.ValidationException;
import java.text.DateFormatSymbols;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Views write dates, times, numbers, enum labels and texts through here: the current UI's locale
 * (the person's language) and the organisation's zone, with common.Formats and common.Labels
 * deciding the format. Date pickers get the same pattern and German month and day names.
 */
public final class Format {

    private Format() {
    }

    public static Locale locale() {
        UI ui = UI.getCurrent();
        return Messages.language(ui == null ? Locale.ENGLISH : ui.getLocale());
    }

    public static String date(LocalDate day) {
        return Formats.date(day, locale());
    }

    public static String period(LocalDate from, LocalDate to) {
        return Formats.period(from, to, locale());
    }

    public static String dateTime(Instant at) {
        return Formats.dateTime(at, zone(), locale());
    }

    public static String number(Number n) {
        return Formats.number(n, locale());
    }

    public static String label(Enum<?> value) {
        return Labels.of(value, locale());
    }

    public static String text(String key, Object... args) {
        return Messages.get(key, locale(), args);
    }

    /** A service's English message (validation, conflict) in the reader's language, where the bundle knows it. */
    public static String service(String englishMessage) {
        return Messages.fromEnglish(englishMessage, locale());
    }

    /**
     * A service's field error in the reader's language: from its key and arguments when the service
     * gave them (decision 0153), else its English message through {@link #service}.
     */
    public static String error(FieldError error) {
        if (error == null) {
            return null;
        }
        return error.phrase() != null ? Messages.word(error.phrase(), locale()) : service(error.message());
    }

    /** Every field error of a refusal, worded for the reader, one after the other. */
    public static String errors(ValidationException e) {
        return e.errors().stream().map(Format::error).collect(Collectors.joining(" "));
    }

    /** Every error of one field, worded for the reader; null when the field is fine. */
    public static String errorsFor(ValidationException e, String field) {
        String all = e.errors().stream().filter(x -> x.field().equals(field)).map(Format::error)
                .collect(Collectors.joining(" "));
        return all.isEmpty() ? null : all;
    }

    /**
     * A refusal's words (a conflict, a missing item) for the reader: its phrase when the service gave one,
     * else its English message through {@link #service}.
     */
    public static String problem(RuntimeException e) {
        if (e instanceof io.auditflow.common.ConflictException c && c.phrase() != null) {
            return Messages.word(c.phrase(), locale());
        }
        return service(e.getMessage());
    }

    /** A phrase a service built (a merge reason, a name) in the reader's language. */
    public static String phrase(Phrase phrase) {
        return phrase == null ? null : Messages.word(phrase, locale());
    }

    /** The organisation's zone (auditflow.zone). */
    public static ZoneId zone() {
        VaadinService service = VaadinService.getCurrent();
        if (service == null) {
            return ZoneId.of("UTC");
        }
        return service.getInstantiator().getOrCreate(AuditflowProperties.class).zone();
    }

    /** Gives pickers the reader's pattern, month and weekday names, and first day of the week. */
    public static void pickers(DatePicker... pickers) {
        Locale locale = locale();
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        boolean german = Locale.GERMAN.equals(locale);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n()
                .setDateFormat(Formats.datePattern(locale))
                .setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12))
                .setWeekdays(List.of(symbols.getWeekdays()).subList(1, 8))
                .setWeekdaysShort(List.of(symbols.getShortWeekdays()).subList(1, 8))
                .setFirstDayOfWeek(german ? DayOfWeek.MONDAY.getValue() % 7 : 0)
                .setToday(Messages.get("picker.today", locale))
                .setCancel(Messages.get("picker.cancel", locale));
        for (DatePicker picker : pickers) {
            picker.setLocale(locale);
            picker.setI18n(i18n);
        }
    }
}
