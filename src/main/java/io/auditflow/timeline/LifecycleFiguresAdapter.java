package io.auditflow.timeline;

import io.auditflow.lifecycle.ControlActivityService;
import io.auditflow.lifecycle.FindingKind;
import io.auditflow.lifecycle.FindingService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads open findings and control activities from the lifecycle feature for the dashboard. */
@Component
class LifecycleFiguresAdapter implements LifecycleFigures {

    private final FindingService findings;
    private final ControlActivityService activities;

    LifecycleFiguresAdapter(FindingService findings, ControlActivityService activities) {
        this.findings = findings;
        this.activities = activities;
    }

    @Override
    public Map<String, Long> openFindingsByKind() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map.Entry<FindingKind, Long> e : findings.openCountsByKind().entrySet()) {
            counts.put(e.getKey().name(), e.getValue());
        }
        return counts;
    }

    @Override
    public List<ActivityProgress> expectedVersusDone(Long programId) {
        return activities.expectedVersusDone(programId).stream()
                .map(a -> new ActivityProgress(a.activityCode(), a.activityName(), a.cycle(), a.expected(), a.done(),
                        a.overdue()))
                .toList();
    }
}
