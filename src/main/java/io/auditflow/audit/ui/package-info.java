/** The admins' view of the audit trail: filter, export as CSV, verify the chain. */
package io.auditflow.audit.ui;
