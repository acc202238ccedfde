/** The application shell: main layout, navigation, start pages and error pages. */
package io.auditflow.ui;
