package io.auditflow.timeline;

import io.auditflow.common.Formats;
import io.auditflow.common.Labels;
import io.auditflow.common.Messages;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The dashboard's words in one reader's language: bundle keys {@code dashboard.*} through common.Messages,
 * dates through common.Formats, enum words through common.Labels (decision 0144). English reads exactly as
 * before; the CSV exports and the board report ask for English.
 */
final class DashboardWords {

    static final DashboardWords ENGLISH = new DashboardWords(Locale.ENGLISH);

    private final Locale locale;

    private DashboardWords(Locale locale) {
        this.locale = Messages.language(locale);
    }

    static DashboardWords of(Locale locale) {
        return locale == null || Messages.language(locale).equals(Locale.ENGLISH) ? ENGLISH : new DashboardWords(locale);
    }

    Locale locale() {
        return locale;
    }

    boolean english() {
        return locale.equals(Locale.ENGLISH);
    }

    String text(String key, Object... args) {
        return Messages.get(key, locale, args);
    }

    String date(LocalDate day) {
        return Formats.date(day, locale);
    }

    String label(Enum<?> value) {
        return Labels.of(value, locale);
    }

    /** "2 valid": English lower-cases the state, as the tiles always did; German keeps its nouns ("Gültig: 2"). */
    String count(long n, String state) {
        return text("dashboard.answer.count", String.valueOf(n), english() ? state.toLowerCase(Locale.ROOT) : state);
    }
}
