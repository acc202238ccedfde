package io.auditflow.inbox;

/** The three lists of the inbox: assigned to me, my teams' tasks, and (managers) every open task. */
public enum TaskListView {
    MINE, TEAM, ALL
}
