package io.auditflow.lifecycle.process;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The plan is agreed: implementation is due by its target date, the effectiveness check after it. */
@Component("scheduleCorrectiveActionDelegate")
class ScheduleCorrectiveActionDelegate extends SystemDelegate {

    ScheduleCorrectiveActionDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        LocalDate target = s.day(ex, "targetDate");
        LocalDate implementationDue = target != null && target.isAfter(s.today()) ? target
                : s.today().plusDays(s.planner.settings().findings().implementationDays());
        s.findings.planAgreed(ProcessSupport.number(ex, CorrectiveActionDelegates.FINDING_ID), implementationDue);
        ex.setVariable("implementationDue", s.dates.toDate(implementationDue));
        ex.setVariable("checkDue", s.dates.toDate(implementationDue.plusDays(s.planner.settings().findings().checkDays())));
    }
}
