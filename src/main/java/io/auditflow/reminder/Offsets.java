package io.auditflow.reminder;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reminder offsets that apply to one program, in days.
 *
 * @param milestones  before audit milestones, e.g. 90, 60, 30, 7, 1
 * @param tasks       before a task's due date, e.g. 7, 1
 * @param escalation  after the due date: assignee or team, manager, executives, e.g. 1, 3, 7
 * @param overridden  whether the program has its own settings
 */
public record Offsets(List<Integer> milestones, List<Integer> tasks, List<Integer> escalation, boolean overridden) {

    public Offsets {
        milestones = milestones.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        tasks = tasks.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        escalation = List.copyOf(escalation);
    }

    /** The reminder that is due with {@code daysLeft} to go: the smallest offset not below it, or null. */
    static Integer dueOffset(List<Integer> offsets, long daysLeft) {
        Integer best = null;
        for (int offset : offsets) {
            if (offset >= daysLeft && (best == null || offset < best)) {
                best = offset;
            }
        }
        return best;
    }

    static String format(List<Integer> offsets) {
        return offsets.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
