package io.auditflow.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage of a list of requirements by controls: each requirement with the controls behind it;
 * the ones with none are the gaps. Pure, so it is tested on literal examples.
 */
public record Coverage(String framework, int total, int covered, List<Row> rows) {

    public record Row(Requirement requirement, List<String> controls) {
        public boolean gap() {
            return controls.isEmpty();
        }
    }

    public List<Requirement> gaps() {
        return rows.stream().filter(Row::gap).map(Row::requirement).toList();
    }

    /** {@code controls} maps a control code to the requirement ids (of this framework) it satisfies. */
    public static Coverage of(String framework, Collection<Requirement> requirements, Map<String, Set<String>> controls) {
        List<Row> rows = new ArrayList<>();
        int covered = 0;
        for (Requirement r : requirements) {
            List<String> behind = controls.entrySet().stream().filter(e -> e.getValue().contains(r.id()))
                    .map(Map.Entry::getKey).sorted().toList();
            if (!behind.isEmpty()) {
                covered++;
            }
            rows.add(new Row(r, behind));
        }
        return new Coverage(framework, requirements.size(), covered, List.copyOf(rows));
    }
}
