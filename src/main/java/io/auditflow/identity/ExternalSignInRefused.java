package io.auditflow.identity;

/** A sign-in through the identity provider that Auditflow refuses, with the reason in plain words. */
public class ExternalSignInRefused extends RuntimeException {

    /** Why: each has its own message on the login page. */
    public enum Reason { NO_ROLE, DISABLED, LOCAL_ACCOUNT, OTHER_SUBJECT, BAD_USERNAME }

    private final Reason reason;

    public ExternalSignInRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
