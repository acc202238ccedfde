package io.auditflow.engagement;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a request's status in step with its answer task (Open, In progress, Submitted). Thin: it
 * calls {@link RequestService}, in the engine's transaction. It lives next to the service (not in
 * a process sub-package) so the hooks it calls stay package-private.
 */
@Component("auditRequestTaskListener")
class AuditRequestTaskListener implements TaskListener {

    private final RequestService requests;

    AuditRequestTaskListener(RequestService requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        Object id = task.getVariable("requestId");
        if (!(id instanceof Number n)) {
            return;
        }
        Long requestId = n.longValue();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> requests.taskCreated(requestId, task.getId());
            case EVENTNAME_ASSIGNMENT -> requests.taskAssigned(requestId, task.getAssignee());
            case EVENTNAME_COMPLETE -> {
                var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
                String actor = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
                requests.taskCompleted(requestId, actor, task.getVariable("answer"));
            }
            default -> { }
        }
    }
}
