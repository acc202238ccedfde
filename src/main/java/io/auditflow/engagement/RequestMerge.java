package io.auditflow.engagement;

import io.auditflow.common.Phrase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The deduplicated request list of a joint engagement (decision 0125), pure: a SOC 2 request and an
 * ISO request ask for the same evidence when they name the same item or a SOC 2 criterion and an
 * Annex A control that the crosswalk calls EQUIVALENT. Each SOC 2 row takes the first such ISO row
 * not yet taken (file order); the pair becomes one request listing both references and both sets of
 * items. Rows of one framework never merge with each other: they are the auditor's separate asks.
 */
final class RequestMerge {

    /** One merged request, the references of the rows it replaces, and why (a phrase: "CC7.2 is equivalent to A.8.16"). */
    record Merged(RequestForm request, String soc2Reference, String isoReference, Phrase why) {

        /** The reason in English, as the API gives it. */
        String reason() {
            return why.english();
        }
    }

    /** The result: {@code rows} read, {@code requests} to import, the merges among them. */
    record Plan(int rows, List<RequestForm> requests, List<Merged> merges) {

        /** "6 requests, 2 merged into 1". */
        String summary() {
            return rows + (rows == 1 ? " request, " : " requests, ") + merges.size() * 2 + " merged into " + merges.size();
        }
    }

    private RequestMerge() {
    }

    /**
     * @param isSoc2 whether an item id is a SOC 2 criterion
     * @param isIso whether an item id is an ISO/IEC 27001 item
     * @param equivalent whether a SOC 2 criterion and an ISO item are EQUIVALENT in the crosswalk
     */
    static Plan plan(List<RequestForm> rows, Predicate<String> isSoc2, Predicate<String> isIso,
                     BiPredicate<String, String> equivalent) {
        List<Set<String>> items = rows.stream().map(r -> items(r.criteria())).toList();
        boolean[] taken = new boolean[rows.size()];
        Merged[] mergedAt = new Merged[rows.size()];
        List<Merged> merges = new ArrayList<>();
        for (int s = 0; s < rows.size(); s++) {
            if (!only(items.get(s), isSoc2)) {
                continue;
            }
            for (int i = 0; i < rows.size(); i++) {
                if (taken[i] || i == s || !only(items.get(i), isIso)) {
                    continue;
                }
                Phrase reason = reason(items.get(s), items.get(i), equivalent);
                if (reason != null) {
                    taken[i] = true;
                    Merged m = merge(rows.get(s), rows.get(i), reason);
                    mergedAt[s] = m;
                    merges.add(m);
                    break;
                }
            }
        }
        List<RequestForm> out = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (mergedAt[r] != null) {
                out.add(mergedAt[r].request());
            } else if (!taken[r]) {
                out.add(rows.get(r));
            }
        }
        return new Plan(rows.size(), List.copyOf(out), List.copyOf(merges));
    }

    static Set<String> items(String criteria) {
        Set<String> out = new LinkedHashSet<>();
        if (criteria != null) {
            Arrays.stream(criteria.split("[,;\\s]+")).map(String::strip).filter(x -> !x.isEmpty())
                    .map(x -> x.toUpperCase(Locale.ROOT)).forEach(out::add);
        }
        return out;
    }

    /** A row belongs to a framework when it names items and every one of them is that framework's. */
    private static boolean only(Set<String> items, Predicate<String> framework) {
        return !items.isEmpty() && items.stream().allMatch(framework);
    }

    private static Phrase reason(Set<String> soc2, Set<String> iso, BiPredicate<String, String> equivalent) {
        for (String a : soc2) {
            for (String b : iso) {
                if (a.equals(b)) {
                    return Phrase.of("engagement.merge.same", a);
                }
                if (equivalent.test(a, b)) {
                    return Phrase.of("engagement.merge.equivalent", a, b);
                }
            }
        }
        return null;
    }

    private static Merged merge(RequestForm soc2, RequestForm iso, Phrase reason) {
        String both = soc2.reference() + "+" + iso.reference();
        String reference = both.length() <= RequestService.MAX_REFERENCE ? both : soc2.reference();
        String text = soc2.text() + "\n[" + iso.reference() + "] " + iso.text();
        Set<String> all = new LinkedHashSet<>(items(soc2.criteria()));
        all.addAll(items(iso.criteria()));
        java.time.LocalDate due = soc2.dueDate() == null ? iso.dueDate()
                : iso.dueDate() == null || !iso.dueDate().isBefore(soc2.dueDate()) ? soc2.dueDate() : iso.dueDate();
        String owner = soc2.ownerHint() == null || soc2.ownerHint().isBlank() ? iso.ownerHint() : soc2.ownerHint();
        return new Merged(new RequestForm(reference, text, String.join(", ", all), due, owner), soc2.reference(),
                iso.reference(), reason);
    }
}
