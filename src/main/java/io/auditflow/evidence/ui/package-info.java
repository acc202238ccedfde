/** Evidence on the task page and the per-program evidence list. */
package io.auditflow.evidence.ui;
