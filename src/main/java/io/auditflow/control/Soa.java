package io.auditflow.control;

import java.time.Instant;
import java.util.List;

/**
 * One version of an ISO program's Statement of Applicability: every Annex A control, applicable or
 * not with the justification, how far it is implemented and the organisation's controls behind it.
 * An APPROVED version never changes; a newer approval makes it SUPERSEDED.
 */
public record Soa(Long programId, String programName, Long versionId, int versionNo, Status status,
                  String createdBy, Instant createdAt, Instant submittedAt, String decidedBy, Instant decidedAt,
                  String decisionNote, List<Entry> entries) {

    public enum Status { DRAFT, PENDING_APPROVAL, APPROVED, SUPERSEDED }

    public enum Implementation {
        NOT_STARTED("Not started"), PLANNED("Planned"), PARTIAL("Partly implemented"), IMPLEMENTED("Implemented"),
        NOT_APPLICABLE("Not applicable");

        private final String label;

        Implementation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Entry(String controlId, String theme, String title, boolean applicable, String justification,
                        Implementation implementation, List<String> controls) {
    }

    /** What a member sends to change one line of a draft. */
    public record EntryRequest(Boolean applicable, String justification, Implementation implementation) {
    }

    /** A manager's decision on a submitted version. */
    public record Decision(Boolean approve, String note) {
    }

    public long applicableCount() {
        return entries.stream().filter(Entry::applicable).count();
    }
}
