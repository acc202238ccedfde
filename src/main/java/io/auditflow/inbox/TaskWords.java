package io.auditflow.inbox;

import io.auditflow.common.Formats;
import io.auditflow.common.Labels;
import io.auditflow.common.Messages;
import io.auditflow.common.StoredPhrase;
import io.auditflow.lifecycle.MilestoneType;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's name and what it serves in the reader's language, worded at display (decision 0168): the
 * engine and the inbox keep the process model's English names. Names of the models' tasks are matched
 * against {@code task.name.*} in the English bundle; an external audit's name is its milestone's label;
 * a control activity's name is the library control's name ({@code control.name.<CODE>}) and its days.
 * A name nothing matches (a request's own text, a renamed model task) is shown as stored.
 */
public final class TaskWords {

    static final String NAME_PREFIX = "task.name.";
    private static final String LATE_AUDIT = "Late audit: ";
    /** ControlActivityService.taskName: "User access review (2027-01-01 to 2027-03-31)". */
    private static final Pattern ACTIVITY = Pattern.compile("(.+) \\((\\d{4}-\\d{2}-\\d{2}) to (\\d{4}-\\d{2}-\\d{2})\\)");

    private TaskWords() {
    }

    /** A stored task name as a phrase argument, worded for each reader like the inbox rows (conflicts, refusals). */
    public static io.auditflow.common.Worded named(String stored) {
        return new StoredPhrase.Data(StoredPhrase.TASK_NAME, stored, locale -> name(stored, locale));
    }

    /** Task names kept in stored phrases (a notification's subject) are worded here when they are read. */
    @org.springframework.stereotype.Component
    static class StoredNames implements StoredPhrase.Kind {

        @Override
        public String kind() {
            return StoredPhrase.TASK_NAME;
        }

        @Override
        public io.auditflow.common.Worded of(String stored) {
            return named(stored);
        }
    }

    public static String name(String stored, Locale locale) {
        if (stored == null || Locale.ENGLISH.equals(Messages.language(locale))) {
            return stored;
        }
        for (MilestoneType type : MilestoneType.values()) {
            if (type.label().equals(stored)) {
                return Labels.of(type, locale);
            }
        }
        if (stored.startsWith(LATE_AUDIT)) {
            return Messages.get("task.lateAudit", locale, name(stored.substring(LATE_AUDIT.length()), locale));
        }
        Matcher activity = ACTIVITY.matcher(stored);
        if (activity.matches()) {
            return Messages.get("task.controlActivity", locale, Messages.fromEnglish(activity.group(1), locale, "control.name."),
                    Formats.date(LocalDate.parse(activity.group(2)), locale), Formats.date(LocalDate.parse(activity.group(3)), locale));
        }
        return Messages.fromEnglish(stored, locale, NAME_PREFIX);
    }

    /**
     * What follows a task on its page (decision 0171): a next task by its name like the inbox rows, any other
     * element of the model by {@code next.<process>.<element>}; the model's own text when no key fits.
     */
    public static String next(TaskPurpose.NextStep step, Locale locale) {
        if (step.name() == null || Locale.ENGLISH.equals(Messages.language(locale))) {
            return step.name();
        }
        if (step.kind() == TaskPurpose.Kind.TASK) {
            String worded = name(step.name(), locale);
            if (!worded.equals(step.name())) {
                return worded;
            }
        }
        return Messages.data(step.nameKey(), step.name(), locale);
    }

    /** The branch a next step is on ("accepted", "Type II"), by {@code flow.<process>.<flow>}; the model's text else. */
    public static String branch(TaskPurpose.NextStep step, Locale locale) {
        return Messages.data(step.whenKey(), step.when(), locale);
    }

    /** What the task serves ({@link InboxTask#serves()}) in the reader's words. */
    public static String serves(InboxTask task, Locale locale) {
        if (Locale.ENGLISH.equals(Messages.language(locale))) {
            return task.serves();
        }
        StringBuilder sb = new StringBuilder();
        if (task.milestoneType() != null) {
            try {
                sb.append(Labels.of(MilestoneType.valueOf(task.milestoneType()), locale));
            } catch (IllegalArgumentException e) {
                sb.append(InboxTask.words(task.milestoneType()));
            }
        }
        if (task.controlActivity() != null) {
            sb.append(sb.isEmpty() ? "" : " · ").append(Messages.find("control.name." + task.controlActivity(), locale)
                    .orElse(InboxTask.words(task.controlActivity())));
        }
        if (sb.isEmpty() && task.taskKind() != null) {
            sb.append(InboxTask.words(task.taskKind()));
        }
        return sb.toString();
    }
}
