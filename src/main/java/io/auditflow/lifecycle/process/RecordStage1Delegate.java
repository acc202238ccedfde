package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.MilestoneType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Records the Stage 1 audit. */
@Component("recordStage1Delegate")
class RecordStage1Delegate extends SystemDelegate {

    RecordStage1Delegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        s.milestones.markDone(ProcessSupport.programId(ex), MilestoneType.STAGE1_AUDIT, ProcessSupport.cycle(ex),
                s.dayOrToday(ex, "auditHeldOn"));
    }
}
