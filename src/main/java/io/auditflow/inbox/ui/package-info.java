/** Inbox screens: the task lists and the task page. */
package io.auditflow.inbox.ui;
