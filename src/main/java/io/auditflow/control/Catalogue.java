package io.auditflow.control;

import java.util.List;
import java.util.Optional;

/**
 * A framework catalogue as loaded from {@code catalogues/*.json}. {@code assessableKinds} says which
 * kinds of items a control can satisfy and coverage counts (criteria, Annex A controls, subcategories).
 */
public record Catalogue(String code, String name, String version, String publisher, String note,
                        List<String> assessableKinds, List<Requirement> requirements) {

    public Catalogue {
        assessableKinds = List.copyOf(assessableKinds);
        requirements = List.copyOf(requirements);
    }

    /** The items coverage is measured against. */
    public List<Requirement> assessable() {
        return requirements.stream().filter(r -> assessableKinds.contains(r.kind())).toList();
    }

    public Optional<Requirement> find(String id) {
        return requirements.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public boolean contains(String id) {
        return find(id).isPresent();
    }

    /** What the API lists about a framework, without its items. */
    public record Summary(String code, String name, String version, String publisher, int requirements, int assessable) {
    }

    public Summary summary() {
        return new Summary(code, name, version, publisher, requirements.size(), assessable().size());
    }
}
