package io.auditflow.notification;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.auditflow.common.Phrase;
import java.time.Instant;
import java.util.Locale;

/**
 * One notification as its reader sees it.
 *
 * @param subject what it is about, in words, as it was stored (the mail's subject in its recipient's language
 *                then, or the task's name); what the API answers
 * @param link    a path inside the app ({@code /inbox/task/...}), never another site
 * @param words   the subject as a bundle key and arguments (rows written since V111), or null
 */
public record Notification(long id, NotificationKind kind, String subject, String link, Instant createdAt, boolean read,
                           @JsonIgnore Phrase words) {

    /** What it is about in the reader's language of today (decision 0181); rows from before keep their stored words. */
    public String subject(Locale reader) {
        return words == null ? subject : words.in(reader);
    }
}
