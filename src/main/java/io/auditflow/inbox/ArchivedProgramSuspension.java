package io.auditflow.inbox;

import io.auditflow.program.Program;
import io.auditflow.program.ProgramChanged;
import io.auditflow.program.ProgramService;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Archiving a program suspends its process instances in the engine (their tasks and timers stop,
 * nothing can complete them), restoring it activates them again. Runs inside the archiving
 * transaction, so both happen together or not at all. Instances are found by the program's
 * business key (call activities pass it on) and by the {@code programId} variable.
 */
@Component
class ArchivedProgramSuspension {

    private final ProgramService programs;
    private final RuntimeService runtime;

    ArchivedProgramSuspension(ProgramService programs, RuntimeService runtime) {
        this.programs = programs;
        this.runtime = runtime;
    }

    @EventListener
    void programChanged(ProgramChanged event) {
        Program program = programs.find(event.programId()).orElse(null);
        if (program == null) {
            return;
        }
        boolean suspend = program.archived();
        Set<String> ids = new LinkedHashSet<>();
        // The business key LifecycleService.businessKey gives (inbox may not depend on lifecycle: cycle).
        ProcessInstanceQuery byKey = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey("program-" + program.id());
        ProcessInstanceQuery byVariable = runtime.createProcessInstanceQuery()
                .variableValueEquals("programId", program.id());
        for (ProcessInstanceQuery q : new ProcessInstanceQuery[] {byKey, byVariable}) {
            (suspend ? q.active() : q.suspended()).list().stream().map(ProcessInstance::getId).forEach(ids::add);
        }
        for (String id : ids) {
            if (suspend) {
                runtime.suspendProcessInstanceById(id);
            } else {
                runtime.activateProcessInstanceById(id);
            }
        }
    }
}
