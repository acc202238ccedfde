/** iCalendar (RFC 5545) feeds of audit milestones and task due dates behind secret, revocable URLs. */
package io.auditflow.calendar;
