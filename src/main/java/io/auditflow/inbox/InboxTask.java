package io.auditflow.inbox;

import io.auditflow.program.Framework;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One task as the inbox shows it: what it is, which program and audit step it serves, who has it
 * and when it is due ({@code dueDate} is the day in the organisation's time zone).
 */
public record InboxTask(String id, String name, Long programId, String programName, Framework framework,
                        Integer cycle, String assignee, String candidateGroup, LocalDate dueDate,
                        DueStatus dueStatus, String milestoneType, String controlActivity, String taskKind,
                        String formKey, String state, Instant createdAt, Instant endedAt, String endedBy) {

    public boolean open() {
        return "OPEN".equals(state);
    }

    /** What the task serves, in words: the milestone's label or the control activity. */
    public String serves() {
        StringBuilder sb = new StringBuilder();
        if (milestoneType != null) {
            try {
                sb.append(io.auditflow.lifecycle.MilestoneType.valueOf(milestoneType).label());
            } catch (IllegalArgumentException e) {
                sb.append(words(milestoneType));
            }
        }
        if (controlActivity != null) {
            sb.append(sb.isEmpty() ? "" : " · ").append(words(controlActivity));
        }
        if (sb.isEmpty() && taskKind != null) {
            sb.append(words(taskKind));
        }
        return sb.toString();
    }

    static String words(String code) {
        String s = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
