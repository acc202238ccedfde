package io.auditflow.control;

import io.auditflow.common.Messages;
import java.util.Locale;

/**
 * A crosswalk's own words in the reader's language (decision 0168, like {@link RequirementWords}): each pair's
 * rationale ({@code crosswalk.<A>.<id>.<B>.<id>}, the two catalogues in alphabetical order so either direction
 * finds it), each unmatched item's reason ({@code crosswalk.unmapped.<catalogue>.<id>}) and the crosswalk's note
 * ({@code crosswalk.about.<A>.<B>}). The crosswalk file stays the one source of the English words; a text changed
 * there is shown as written until the bundle follows.
 */
public final class CrosswalkWords {

    private CrosswalkWords() {
    }

    public static String key(String fromCatalogue, String fromId, String toCatalogue, String toId) {
        return fromCatalogue.compareTo(toCatalogue) <= 0
                ? "crosswalk." + fromCatalogue + "." + fromId + "." + toCatalogue + "." + toId
                : "crosswalk." + toCatalogue + "." + toId + "." + fromCatalogue + "." + fromId;
    }

    public static String rationale(Crosswalk crosswalk, Crosswalk.Mapping mapping, Locale locale) {
        return rationale(crosswalk.from(), crosswalk.to(), mapping, locale);
    }

    /** The same for a mapping read from {@code fromCatalogue} to {@code toCatalogue}. */
    public static String rationale(String fromCatalogue, String toCatalogue, Crosswalk.Mapping mapping, Locale locale) {
        return Messages.data(key(fromCatalogue, mapping.from(), toCatalogue, mapping.to()), mapping.rationale(), locale);
    }

    public static String reason(Crosswalk.Unmapped unmapped, Locale locale) {
        return Messages.data("crosswalk.unmapped." + unmapped.framework() + "." + unmapped.id(), unmapped.reason(), locale);
    }

    public static String note(Crosswalk crosswalk, Locale locale) {
        String a = crosswalk.from().compareTo(crosswalk.to()) <= 0 ? crosswalk.from() : crosswalk.to();
        String b = a.equals(crosswalk.from()) ? crosswalk.to() : crosswalk.from();
        return Messages.data("crosswalk.about." + a + "." + b, crosswalk.note(), locale);
    }
}
