package io.auditflow.lifecycle.process;

import io.auditflow.lifecycle.MilestoneType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The window has started: records it and plans one occurrence per recurring control activity period. */
@Component("openObservationWindowDelegate")
class OpenObservationWindowDelegate extends SystemDelegate {

    OpenObservationWindowDelegate(ProcessSupport s) {
        super(s);
    }

    @Override
    protected void run(DelegateExecution ex) {
        Long programId = ProcessSupport.programId(ex);
        int cycle = ProcessSupport.cycle(ex);
        s.milestones.markDone(programId, MilestoneType.OBSERVATION_START, cycle, s.day(ex, "windowStart"));
        s.controls.planWindow(programId, cycle, s.day(ex, "windowStart"), s.day(ex, "windowEnd"),
                s.day(ex, "trackingSince"));
    }
}
