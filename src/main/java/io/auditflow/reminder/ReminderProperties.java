package io.auditflow.reminder;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Default reminder offsets under {@code auditflow.reminders.*}; a program may override them
 * ({@link ReminderSettingsService}).
 *
 * @param milestoneOffsets   days before an audit milestone on which the owner and team are reminded
 * @param taskOffsets        days before a task's due date on which its people are reminded
 * @param escalationOffsets  days after the due date of the three escalation steps: assignee (or team), manager, executives
 * @param digestHour         hour of the day (organisation time) from which the daily digest goes out
 * @param digestAuditDays    how many days ahead the digest lists upcoming audits
 * @param schedulingEnabled  whether the app runs scanner, digest and sender on its own (tests switch it off)
 * @param tick               how often the schedule looks for work
 */
@ConfigurationProperties(prefix = "auditflow.reminders")
public record ReminderProperties(List<Integer> milestoneOffsets, List<Integer> taskOffsets, List<Integer> escalationOffsets,
                                 Integer digestHour, Integer digestAuditDays, Boolean schedulingEnabled, Duration tick) {

    public ReminderProperties {
        milestoneOffsets = milestoneOffsets == null || milestoneOffsets.isEmpty() ? List.of(90, 60, 30, 7, 1) : List.copyOf(milestoneOffsets);
        taskOffsets = taskOffsets == null || taskOffsets.isEmpty() ? List.of(7, 1) : List.copyOf(taskOffsets);
        escalationOffsets = escalationOffsets == null || escalationOffsets.size() != 3 ? List.of(1, 3, 7) : List.copyOf(escalationOffsets);
        digestHour = digestHour == null ? 7 : digestHour;
        digestAuditDays = digestAuditDays == null ? 30 : digestAuditDays;
        schedulingEnabled = schedulingEnabled == null || schedulingEnabled;
        tick = tick == null ? Duration.ofMinutes(1) : tick;
    }

    public Offsets defaults() {
        return new Offsets(milestoneOffsets, taskOffsets, escalationOffsets, false);
    }
}
