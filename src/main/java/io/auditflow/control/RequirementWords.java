package io.auditflow.control;

import io.auditflow.common.Messages;
import java.util.Locale;

/**
 * A catalogue item's title (an ISO clause or Annex A control, a SOC 2 criterion) in the reader's
 * language: {@code catalogue.<catalogue code>.<id>} from the bundle, else the catalogue file's own
 * English words (decision 0168). The catalogue files stay the one source of the English titles.
 */
public final class RequirementWords {

    private RequirementWords() {
    }

    public static String key(String catalogueCode, String id) {
        return "catalogue." + catalogueCode + "." + id;
    }

    public static String title(String catalogueCode, Requirement requirement, Locale locale) {
        return Messages.data(key(catalogueCode, requirement.id()), requirement.title(), locale);
    }

    public static String title(String catalogueCode, String id, String stored, Locale locale) {
        return Messages.data(key(catalogueCode, id), stored, locale);
    }
}
