/** The page where a user copies and regenerates their calendar feed URLs. */
package io.auditflow.calendar.ui;
