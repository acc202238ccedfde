package io.auditflow.search;

import java.util.List;

/**
 * Implemented by each feature as a Spring bean: finds its own things for the signed-in user and
 * applies that feature's own access rules (a caller who may see none of them gets an empty list,
 * never an error). The search package knows no feature, so no package cycle can form.
 */
public interface SearchProvider {

    SearchKind kind();

    /** At most {@code limit} hits the caller may see, best first. */
    List<SearchHit> search(SearchQuery query, int limit);
}
