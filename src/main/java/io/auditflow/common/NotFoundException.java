package io.auditflow.common;

/** Something asked for by id does not exist, or the caller may not know it exists. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
