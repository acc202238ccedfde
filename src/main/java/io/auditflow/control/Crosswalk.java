package io.auditflow.control;

import java.util.List;

/**
 * Our own mapping between two catalogues ({@code crosswalks/*.json}): pairs with a relationship and
 * one line of rationale, and the items of either side that have no counterpart, with the reason.
 * The relationship reads "the {@code from} item is EQUIVALENT to / a SUBSET of / a SUPERSET of /
 * RELATED to the {@code to} item".
 */
public record Crosswalk(String from, String to, String version, String author, String note,
                        List<Mapping> mappings, List<Unmapped> unmapped) {

    public enum Relationship { EQUIVALENT, SUBSET, SUPERSET, RELATED;

        /** The same relationship read from the other side. */
        public Relationship reversed() {
            return switch (this) {
                case SUBSET -> SUPERSET;
                case SUPERSET -> SUBSET;
                default -> this;
            };
        }
    }

    public record Mapping(String from, String to, Relationship relationship, String rationale) {
    }

    public record Unmapped(String framework, String id, String reason) {
    }

    public Crosswalk {
        mappings = List.copyOf(mappings);
        unmapped = unmapped == null ? List.of() : List.copyOf(unmapped);
    }

    /** The same crosswalk read from the other side. */
    public Crosswalk reversed() {
        return new Crosswalk(to, from, version, author, note,
                mappings.stream().map(m -> new Mapping(m.to(), m.from(), m.relationship().reversed(), m.rationale())).toList(),
                unmapped);
    }
}
