package io.auditflow.identity;

import java.util.List;

/** One page of a SCIM list: the total and the items from a 1-based start index. */
public record ExternalPage<T>(long total, int startIndex, List<T> items) {
}
