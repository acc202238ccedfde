package io.auditflow.engagement;

/** Where one request of the list stands: the team answers, the auditor reviews. */
public enum RequestStatus {
    OPEN("Open"), IN_PROGRESS("In progress"), SUBMITTED("Submitted"), NEEDS_REVISION("Needs revision"),
    ACCEPTED("Accepted");

    private final String label;

    RequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
