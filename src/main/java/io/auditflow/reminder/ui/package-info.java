/** Notification preferences for everyone and reminder settings for managers. */
package io.auditflow.reminder.ui;
