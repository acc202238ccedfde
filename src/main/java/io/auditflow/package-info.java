/** Auditflow: audit lifecycle tracking for SOC 2 and ISO/IEC 27001 on an embedded Camunda engine. */
package io.auditflow;
