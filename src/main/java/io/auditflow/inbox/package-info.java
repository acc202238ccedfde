/** The compliance team's task inbox: a fast projection of open user tasks, claim/assign/complete, history. */
package io.auditflow.inbox;
