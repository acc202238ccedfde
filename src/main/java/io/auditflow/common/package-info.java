/** Shared building blocks: the clock, validation errors, API error bodies. */
package io.auditflow.common;
