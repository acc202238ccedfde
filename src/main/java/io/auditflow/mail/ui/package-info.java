/** The admin's view of every mail in the outbox. */
package io.auditflow.mail.ui;
