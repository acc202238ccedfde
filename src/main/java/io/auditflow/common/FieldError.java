package io.auditflow.common;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One broken rule, tied to the input field it concerns. {@code message} is the English text (what
 * the API's JSON body carries); {@code phrase}, when the service gave one, is the same message as a
 * bundle key with arguments, so a view can word it in its reader's language (decision 0153).
 */
public record FieldError(String field, String message, @JsonIgnore Phrase phrase) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }

    /** A broken rule given by its bundle key; the English message is read from the English bundle. */
    public FieldError(String field, Phrase phrase) {
        this(field, phrase.english(), phrase);
    }
}
