/** BPMN glue and the audit calendar: milestones, planner, delegates and listeners. */
package io.auditflow.lifecycle;
