package io.auditflow.inbox;

import io.auditflow.search.SearchHit;
import io.auditflow.search.SearchKind;
import io.auditflow.search.SearchProvider;
import io.auditflow.search.SearchQuery;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Open tasks by name for the global search, through the inbox's own lists (so its access rules
 * apply): managers every open task, members their teams' tasks and their own; other roles none.
 */
@Component
class TaskSearchProvider implements SearchProvider {

    private final InboxService inbox;

    TaskSearchProvider(InboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.TASK;
    }

    @Override
    public List<SearchHit> search(SearchQuery query, int limit) {
        List<TaskListView> views = new ArrayList<>();
        if (CurrentUser.canManage()) {
            views.add(TaskListView.ALL);
        } else if (CurrentUser.hasRole(Role.COMPLIANCE_MEMBER)) {
            views.add(TaskListView.TEAM);
            views.add(TaskListView.MINE);
        }
        Map<String, InboxTask> found = new LinkedHashMap<>();
        for (TaskListView view : views) {
            // the inbox escapes LIKE wildcards in q itself
            for (InboxTask t : inbox.list(new TaskFilter(view, null, null, null, query.text()), TaskSort.DEFAULT, 0, limit)) {
                found.putIfAbsent(t.id(), t);
            }
        }
        return found.values().stream().limit(limit)
                .map(t -> new SearchHit(SearchKind.TASK, t.name(), t.programName()
                        + (t.dueDate() == null ? "" : " · due " + t.dueDate()), "inbox/task/" + t.id()))
                .toList();
    }
}
