/** The sign-in page. */
package io.auditflow.security.ui;
