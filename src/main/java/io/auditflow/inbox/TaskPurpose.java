package io.auditflow.inbox;

import java.util.List;

/**
 * What a task is for and what follows it, read from its process model: the documentation of the
 * task element (so the model and the page say the same) and the next elements after completion.
 */
public record TaskPurpose(String documentation, List<NextStep> next) {

    /**
     * One thing that follows the task: its kind, its name in the model, and the branch it is on ("yes", "Type II").
     * {@code nameKey} ({@code next.<process>.<element>}) and {@code whenKey} ({@code flow.<process>.<flow>}) are the
     * bundle keys screens word them by (decision 0171); the model's text stays the English words and the fallback.
     */
    public record NextStep(Kind kind, String name, String when, String nameKey, String whenKey) {

        public NextStep(Kind kind, String name, String when) {
            this(kind, name, when, null, null);
        }
    }

    public enum Kind {
        /** Another task for people; {@code name} is null when the model computes the name. */
        TASK,
        /** The app does something by itself (a service task or a sub-process). */
        AUTOMATIC,
        /** The process waits for a date or a message. */
        WAIT,
        /** This process (or this part of it) ends. */
        END
    }
}
