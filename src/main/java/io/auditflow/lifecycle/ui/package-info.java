/** The program page: facts, milestones and lifecycle controls. */
package io.auditflow.lifecycle.ui;
