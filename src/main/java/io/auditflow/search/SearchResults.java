package io.auditflow.search;

import java.util.List;

/** The answer to one search: the hits grouped by kind (kinds without hits left out), at most {@code limit} per kind. */
public record SearchResults(String query, int limit, List<Group> groups) {

    public record Group(SearchKind kind, List<SearchHit> hits) {
    }

    public int total() {
        return groups.stream().mapToInt(g -> g.hits().size()).sum();
    }
}
