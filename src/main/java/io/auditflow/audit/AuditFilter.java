package io.auditflow.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * What the admin looks for; every part may be null (no condition). Dates are whole days in the organisation's zone.
 * {@code named} are stored targets ({@code program 12}, {@code user nora}) whose program, person or team is called
 * what the admin typed as {@code text}: an entry matches the text when its target or details contain it or its
 * target is one of these (the page finds "Acme" so; the API searches the stored text only).
 */
public record AuditFilter(String actor, String action, String text, LocalDate from, LocalDate to, List<String> named) {

    /** At most this many named targets are looked for (a one-letter search names many people). */
    public static final int MAX_NAMED = 500;

    public AuditFilter {
        named = named == null ? List.of() : List.copyOf(named.subList(0, Math.min(named.size(), MAX_NAMED)));
    }

    public AuditFilter(String actor, String action, String text, LocalDate from, LocalDate to) {
        this(actor, action, text, from, to, List.of());
    }

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
