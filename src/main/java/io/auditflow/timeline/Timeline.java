package io.auditflow.timeline;

import java.time.LocalDate;
import java.util.List;

/** The data of the executive timeline: the visible range, today, and one lane per program. */
public record Timeline(LocalDate from, LocalDate to, LocalDate today, List<ProgramLane> lanes) {
}
