/** BPMN glue: thin delegates and listeners that call the lifecycle services. */
package io.auditflow.lifecycle.process;
