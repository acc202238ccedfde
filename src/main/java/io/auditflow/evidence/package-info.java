/** Evidence files attached to tasks: checked, hashed, stored on disk, listed per task and per program. */
package io.auditflow.evidence;
