/** Views of the engagement workspace: engagement list and page for managers, request page for auditors and the team. */
package io.auditflow.engagement.ui;
