package io.auditflow.common;

/** One broken rule, tied to the input field it concerns. */
public record FieldError(String field, String message) {
}
