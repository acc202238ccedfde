/** Audit programs: one compliance commitment per framework, with its scope, owner and team. */
package io.auditflow.program;
