/** The executive view: one timeline of every program's audits across frameworks and years, and a dashboard. */
package io.auditflow.timeline;
