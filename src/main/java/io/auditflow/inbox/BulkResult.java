package io.auditflow.inbox;

import java.util.List;

/**
 * The outcome of a bulk change, task by task: how many changed, how many already were as asked,
 * and each refused task with the reason (the same words the single-task change would give).
 */
public record BulkResult(int changed, int unchanged, List<Refusal> refused) {

    /** One task the change did not apply to; {@code task} is its name, or null when it is not in the caller's inbox. */
    public record Refusal(String taskId, String task, String reason) {
    }
}
