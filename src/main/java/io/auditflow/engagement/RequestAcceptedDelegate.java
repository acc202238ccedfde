package io.auditflow.engagement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** ServiceTask_NotifyAccepted: tells the team their answer was accepted (a save point: the mail is queued once). */
@Component("requestAcceptedDelegate")
class RequestAcceptedDelegate implements JavaDelegate {

    private final RequestService requests;

    RequestAcceptedDelegate(RequestService requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable("requestId");
        if (id instanceof Number n) {
            requests.accepted(n.longValue());
        }
    }
}
