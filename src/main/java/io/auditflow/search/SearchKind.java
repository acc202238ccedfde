package io.auditflow.search;

/** The kinds of things the global search finds, in the order the results are shown. */
public enum SearchKind {
    PROGRAM,
    TASK,
    EVIDENCE,
    REQUEST
}
