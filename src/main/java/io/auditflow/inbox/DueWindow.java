package io.auditflow.inbox;

/**
 * Due-date filters, in whole days of the organisation's time zone: before today; today and the
 * next 6 days; today and the next 30 days; 31 days or more ahead (or no due date).
 */
public enum DueWindow {
    OVERDUE("Overdue"), WEEK("Due this week"), MONTH("Due this month"), LATER("Later");

    private final String label;

    DueWindow(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
