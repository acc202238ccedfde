package io.auditflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.IntegrationTest;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.lifecycle.LifecycleRequest;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a test (-Pbench): ISO 27001 lifecycle starts per second through {@link LifecycleService} (form
 * rules, planner, milestones, the process with history "full") against starting the same process
 * with the same variables straight on the engine. Targets: >= 200/s, within 1.5x of the engine alone.
 */
@IntegrationTest
class LifecycleStartBenchmark {

    static final int WARM_UP = 30;
    static final int STARTS = 300;

    @Autowired
    ProgramService programs;
    @Autowired
    LifecycleService lifecycles;
    @Autowired
    RuntimeService runtime;

    @Test
    void lifecycle_starts_per_second_with_history_against_the_bare_engine() {
        LifecycleRequest existing = LifecycleRequest.isoExisting(LocalDate.of(2025, 6, 15), null, null);
        List<Long> warm = create(WARM_UP);
        List<Long> service = create(STARTS);
        List<Long> engine = create(STARTS);
        LifecycleService.LifecycleStarted first = SystemAuthentication.call(() -> lifecycles.startLifecycle(warm.get(0), existing));
        Map<String, Object> variables = new HashMap<>(runtime.getVariables(first.processInstanceId()));
        for (Long id : warm.subList(1, warm.size())) {
            SystemAuthentication.run(() -> lifecycles.startLifecycle(id, existing));
        }

        long t0 = System.nanoTime();
        SystemAuthentication.run(() -> service.forEach(id -> lifecycles.startLifecycle(id, existing)));
        double serviceRate = STARTS / ((System.nanoTime() - t0) / 1e9);

        long t1 = System.nanoTime();
        SystemAuthentication.run(() -> engine.forEach(id -> {
            Map<String, Object> vars = new HashMap<>(variables);
            vars.put("programId", id);
            runtime.startProcessInstanceByKey(first.processDefinitionKey(), LifecycleService.businessKey(id), vars);
        }));
        double engineRate = STARTS / ((System.nanoTime() - t1) / 1e9);

        System.out.printf("%nLifecycleStartBenchmark: %d ISO 27001 lifecycle starts, history full: %.0f/s through "
                        + "LifecycleService, %.0f/s on the bare engine (%.2fx)%n%n", STARTS, serviceRate, engineRate,
                engineRate / serviceRate);
        assertThat(serviceRate).as("lifecycle starts per second, target >= 200").isGreaterThanOrEqualTo(200);
        assertThat(engineRate / serviceRate).as("bare engine vs LifecycleService, target within 1.5x").isLessThanOrEqualTo(1.5);
    }

    private List<Long> create(int n) {
        List<Long> ids = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < n; i++) {
            String name = "Bench ISO " + run + " " + i;
            ids.add(SystemAuthentication.call(() -> programs.create(new ProgramRequest(name, Framework.ISO27001,
                    EnumSet.noneOf(TrustCategory.class), null, "2022", "manager", "grc"))).id());
        }
        return ids;
    }
}
