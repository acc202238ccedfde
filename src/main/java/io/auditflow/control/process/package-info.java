/** BPMN glue of the Statement of Applicability approval: thin delegates that call the SoA service. */
package io.auditflow.control.process;
