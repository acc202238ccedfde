/** The append-only, hash-chained audit trail: who did what and when, with a verification of the chain. */
package io.auditflow.audit;
