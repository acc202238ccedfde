/** Authentication, roles and the filter chains for the UI, the API and Camunda's webapps. */
package io.auditflow.security;
