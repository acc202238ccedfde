package io.auditflow.lifecycle;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Days (inclusive) that no SOC 2 report period covers. */
public record CoverageGap(LocalDate from, LocalDate to) {
    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
