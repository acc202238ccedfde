/** Reminders of audit milestones and task due dates, overdue escalation, daily digests and notification preferences. */
package io.auditflow.reminder;
