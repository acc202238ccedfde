/** In-app notifications: the bell's list of what happened to a person's work, read and unread. */
package io.auditflow.notification;
