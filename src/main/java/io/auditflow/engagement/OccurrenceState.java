package io.auditflow.engagement;

/**
 * Where one occurrence of a recurring control activity stands, as the auditor reads it: done, past
 * its due day without evidence ({@code common.Due}), missed at the close of the window, not due
 * yet, or due before tracking started (shown, never overdue).
 */
public enum OccurrenceState {
    DONE, OVERDUE, MISSED, NOT_DUE_YET, BEFORE_TRACKING
}
