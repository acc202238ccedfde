package io.auditflow.common;

/** The request was valid but the state moved on underneath it (completed, reassigned, changed). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
