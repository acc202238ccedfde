/** Screens of the unified control set: controls, coverage, crosswalk and the Statement of Applicability. */
package io.auditflow.control.ui;
