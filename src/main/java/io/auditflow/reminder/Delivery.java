package io.auditflow.reminder;

/** How a person receives one category of notification. */
public enum Delivery {
    IMMEDIATE("Right away, one mail each"),
    DIGEST("In my daily digest"),
    OFF("Not at all");

    private final String label;

    Delivery(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
