/** Running Auditflow in production: domain metrics for Prometheus, who may scrape them, readiness. */
package io.auditflow.operations;
