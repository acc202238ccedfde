package io.auditflow.inbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.auditflow.common.Messages;
import io.auditflow.common.Worded;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a bulk change, task by task: how many changed, how many already were as asked,
 * and each refused task with the reason (the same words the single-task change would give).
 */
public record BulkResult(int changed, int unchanged, List<Refusal> refused) {

    /**
     * One task the change did not apply to; {@code task} is its name, or null when it is not in the caller's
     * inbox. {@code reason} is the English text the API returns; {@code words} gives it in a reader's language.
     */
    public record Refusal(String taskId, String task, String reason, @JsonIgnore Worded words) {

        public Refusal(String taskId, String task, String reason) {
            this(taskId, task, reason, null);
        }

        /** The reason in the reader's words (the English reason when the service gave no key). */
        public String reason(Locale locale) {
            return words == null ? Messages.fromEnglish(reason, locale) : words.in(locale);
        }
    }
}
