package io.auditflow.engagement;

import java.time.LocalDate;

/**
 * What a manager gives to create an engagement. Empty dates are read from the program's calendar
 * (the SOC 2 window or as-of date, fieldwork milestones; for ISO the time since the previous audit).
 */
public record EngagementForm(Long programId, String milestoneType, Integer cycle, String name, String auditFirm,
                             String leadAuditor, LocalDate fieldworkStart, LocalDate fieldworkEnd,
                             LocalDate periodStart, LocalDate periodEnd) {
}
