/** Users and teams (teams become Camunda candidate groups) and their administration. */
package io.auditflow.identity;
