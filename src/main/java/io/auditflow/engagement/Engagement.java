package io.auditflow.engagement;

import io.auditflow.program.Framework;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One audit of a program as the auditor works it: which audit ({@code milestoneType} and
 * {@code cycle}), the firm, the fieldwork weeks and the period whose evidence counts.
 */
public record Engagement(Long id, Long programId, String programName, Framework framework, String programTeam,
                         String milestoneType, int cycle, String name, String auditFirm, String leadAuditor,
                         LocalDate fieldworkStart, LocalDate fieldworkEnd, LocalDate periodStart, LocalDate periodEnd,
                         LocalDate reportRecordedOn, String createdBy, Instant createdAt) {
}
