package io.auditflow.control;

import java.util.List;
import java.util.Map;

/**
 * One control of the organisation's unified set (a row of the control-activity library): who owns
 * it, how often it runs, and the requirement ids it satisfies per framework catalogue code.
 */
public record Control(String code, String name, String ownerTeam, int frequencyMonths, boolean active,
                      Map<String, List<String>> requirements) {

    public List<String> requirementsOf(String framework) {
        return requirements.getOrDefault(framework, List.of());
    }

    /** What a manager sends to add or change a control. */
    public record Request(String code, String name, String ownerTeam, Integer frequencyMonths,
                          Map<String, List<String>> requirements) {
    }

    /** One entry of a control's history. */
    public record Change(String action, String summary, String changedBy, java.time.Instant changedAt) {
    }
}
