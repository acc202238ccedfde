package io.auditflow.common;

/**
 * The request was valid but the state moved on underneath it (completed, reassigned, changed). The
 * message is the English text the API returns; {@link #phrase()}, when the service gave one, is the
 * same message as a bundle key with arguments, for screens to word in their reader's language.
 */
public class ConflictException extends RuntimeException {

    private final transient Phrase phrase;

    public ConflictException(String message) {
        super(message);
        this.phrase = null;
    }

    public ConflictException(Phrase phrase) {
        super(phrase.english());
        this.phrase = phrase;
    }

    /** The message as a key with arguments; null when the service wrote English text. */
    public Phrase phrase() {
        return phrase;
    }
}
