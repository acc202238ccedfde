package io.auditflow.program;

/** Published after a program was created, changed or archived, inside the same transaction. */
public record ProgramChanged(Long programId) {
}
