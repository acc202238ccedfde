/** The auditor's workspace: engagements, invited auditors, request lists (PBC), samples, evidence review and the audit binder. */
package io.auditflow.engagement;
