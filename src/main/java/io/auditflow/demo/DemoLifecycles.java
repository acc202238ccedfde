package io.auditflow.demo;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.lifecycle.LifecycleRequest;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.lifecycle.TaskForms;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts real lifecycles for the demo programs, dated around today, so a newcomer sees tasks and
 * milestones at once: the SOC 2 Type II program inside its observation window, the ISO program
 * certified and heading for surveillance audit 1, the Type I program before its as-of date.
 */
@Component
class DemoLifecycles {

    private static final Logger log = LoggerFactory.getLogger(DemoLifecycles.class);

    private final ProgramService programs;
    private final LifecycleService lifecycles;
    private final ManagementService management;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final TaskForms forms;
    private final Clock clock;

    DemoLifecycles(ProgramService programs, LifecycleService lifecycles, ManagementService management,
                   TaskService tasks, RuntimeService runtime, TaskForms forms, Clock clock) {
        this.runtime = runtime;
        this.programs = programs;
        this.lifecycles = lifecycles;
        this.management = management;
        this.tasks = tasks;
        this.forms = forms;
        this.clock = clock;
    }

    void start() {
        SystemAuthentication.run(() -> {
            LocalDate today = LocalDate.now(clock);
            for (Program p : programs.list(false)) {
                switch (p.framework()) {
                    case SOC2_TYPE2 -> {
                        LocalDate windowStart = today.withDayOfMonth(1).minusMonths(1);
                        lifecycles.startLifecycle(p.id(), LifecycleRequest.typeTwo(windowStart, 12, true));
                        settle(p.id());
                        completeScoping(p.id(), windowStart.minusDays(14));
                        settle(p.id());
                    }
                    case ISO27001 -> {
                        lifecycles.startLifecycle(p.id(), LifecycleRequest.isoExisting(today.minusMonths(9)));
                        settle(p.id());
                    }
                    case SOC2_TYPE1 -> {
                        lifecycles.startLifecycle(p.id(), LifecycleRequest.typeOne(today.plusDays(75)));
                        settle(p.id());
                    }
                }
            }
        });
        log.info("Demo lifecycles started");
    }

    /** Runs the program's due jobs now, so the demo does not depend on the job executor's timing. */
    private void settle(Long programId) {
        Date now = Date.from(clock.instant());
        for (int i = 0; i < 500; i++) {
            Set<String> instances = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(LifecycleService.businessKey(programId)).list().stream()
                    .map(pi -> pi.getId()).collect(Collectors.toSet());
            Job next = management.createJobQuery().executable().list().stream()
                    .filter(j -> instances.contains(j.getProcessInstanceId()))
                    .filter(j -> j.getDuedate() == null || !j.getDuedate().after(now))
                    .findFirst().orElse(null);
            if (next == null) {
                return;
            }
            try {
                management.executeJob(next.getId());
            } catch (RuntimeException e) {
                // The job executor took it first; the next round sees what is left.
                log.debug("Demo job {} ran elsewhere: {}", next.getId(), e.getMessage());
            }
        }
    }

    private void completeScoping(Long programId, LocalDate signedOn) {
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(LifecycleService.businessKey(programId))
                .taskDefinitionKey("Task_Scoping").list()) {
            tasks.complete(t.getId(), forms.validate("auditflow:scoping",
                    Map.of("engagementLetterSignedOn", signedOn.toString(), "notes", "Demo: scope agreed")));
        }
    }
}
