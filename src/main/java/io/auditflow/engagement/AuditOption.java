package io.auditflow.engagement;

import java.time.LocalDate;

/** An audit on a program's calendar that an engagement can be created for. */
public record AuditOption(String milestoneType, int cycle, LocalDate date, String label) {
}
