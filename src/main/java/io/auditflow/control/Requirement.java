package io.auditflow.control;

/**
 * One item of a framework catalogue: a SOC 2 criterion, an ISO clause or Annex A control, a NIST
 * CSF function, category or subcategory. {@code category} is the SOC 2 trust category or the
 * Annex A theme, else null.
 */
public record Requirement(String id, String kind, String group, String category, String title) {
}
