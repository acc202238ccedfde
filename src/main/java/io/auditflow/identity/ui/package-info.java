/** User and team administration for admins. */
package io.auditflow.identity.ui;
