/** The mail outbox: mails written in the caller's transaction, sent afterwards with retries, shown to admins. */
package io.auditflow.mail;
