package io.auditflow.search;

/** One thing found: what it is called, one line of context and the app path of its page. */
public record SearchHit(SearchKind kind, String title, String detail, String link) {
}
