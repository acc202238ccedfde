package io.auditflow.mail;

/** Where a mail of the outbox stands. */
public enum MailStatus {
    /** Waiting to be sent (first time, or again after a failed attempt at {@code nextAttemptAt}). */
    QUEUED("Queued"),
    /** Claimed by a sender; the lease says until when. */
    SENDING("Sending"),
    SENT("Sent"),
    /** Given up: a bad address, no address, or too many failed attempts. */
    FAILED("Failed"),
    /** Kept, not sent: no SMTP server is configured. Sent as soon as one is. */
    HELD("Held");

    private final String label;

    MailStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
