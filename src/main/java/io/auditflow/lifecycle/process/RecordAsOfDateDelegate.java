package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.MilestoneType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Type I: the as-of date has come. */
@Component("recordAsOfDateDelegate")
class RecordAsOfDateDelegate extends SystemDelegate {

    RecordAsOfDateDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        s.milestones.markDone(ProcessSupport.programId(ex), MilestoneType.AS_OF_DATE, ProcessSupport.cycle(ex),
                s.day(ex, "asOfDate"));
    }
}
