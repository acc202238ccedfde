package io.auditflow.common;

/**
 * Something an auditor of the tool itself wants on record (who changed a role, downloaded
 * evidence, moved a milestone). Feature services publish it with one line; the audit feature
 * appends it to the tamper-evident trail after the change commits. The actor is whoever is signed
 * in when it is published ("system" for engine jobs and schedulers).
 *
 * @param action  an upper-case code, e.g. {@code USER_DISABLED}
 * @param target  what it concerns, e.g. {@code user nora}, {@code program 12}, {@code task 4711}
 * @param details a short plain description; never a password, token or file content
 */
public record AuditEvent(String action, String target, String details) {
}
