/** Read-only timeline (server-rendered SVG) and dashboard pages for executives and everyone else. */
package io.auditflow.timeline.ui;
