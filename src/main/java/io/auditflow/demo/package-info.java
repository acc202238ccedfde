/** Demo users and programs for the embedded default, so the product can be tried at once. */
package io.auditflow.demo;
