package io.auditflow.search;

import io.auditflow.common.Validation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The global search of the header: asks every {@link SearchProvider} and groups the answers by kind.
 * Queries are limited to {@value #MAX_QUERY_LENGTH} characters and {@value #PER_KIND} hits a kind;
 * what each caller may see is the providers' business (each feature's own access rules).
 */
@Service
public class SearchService {

    public static final int MAX_QUERY_LENGTH = 100;
    public static final int MIN_QUERY_LENGTH = 2;
    public static final int PER_KIND = 10;

    private final ObjectProvider<SearchProvider> providers;

    SearchService(ObjectProvider<SearchProvider> providers) {
        this.providers = providers;
    }

    @PreAuthorize("isAuthenticated()")
    public SearchResults search(String q) {
        String raw = q == null ? "" : q.strip();
        new Validation()
                .check(raw.length() <= MAX_QUERY_LENGTH, "q", "Search for at most " + MAX_QUERY_LENGTH + " characters")
                .check(raw.chars().noneMatch(Character::isISOControl), "q", "The search text contains control characters")
                .throwIfInvalid();
        SearchQuery query = new SearchQuery(raw);
        List<SearchResults.Group> groups = new ArrayList<>();
        if (query.text().length() >= MIN_QUERY_LENGTH) {
            List<SearchProvider> all = providers.orderedStream()
                    .sorted(Comparator.comparing(SearchProvider::kind)).toList();
            for (SearchProvider provider : all) {
                List<SearchHit> hits = provider.search(query, PER_KIND);
                if (!hits.isEmpty()) {
                    groups.add(new SearchResults.Group(provider.kind(), List.copyOf(hits.subList(0, Math.min(PER_KIND, hits.size())))));
                }
            }
        }
        return new SearchResults(raw, PER_KIND, List.copyOf(groups));
    }
}
