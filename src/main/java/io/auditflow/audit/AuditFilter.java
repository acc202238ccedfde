package io.auditflow.audit;

import java.time.LocalDate;

/** What the admin looks for; every part may be null (no condition). Dates are whole days in the organisation's zone. */
public record AuditFilter(String actor, String action, String text, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
