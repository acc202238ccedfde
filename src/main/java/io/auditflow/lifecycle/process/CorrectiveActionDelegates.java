package io.auditflow.lifecycle.process;

/** Variable names of the corrective action process. */
final class CorrectiveActionDelegates {
    static final String FINDING_ID = "findingId";

    private CorrectiveActionDelegates() {
    }
}
