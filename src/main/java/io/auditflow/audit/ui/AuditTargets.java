package io.auditflow.audit.ui;

import io.auditflow.audit.AuditEntry;
import io.auditflow.audit.AuditFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the audit trail page words an entry's target ("On"), next to {@link AuditWords}, which words its action
 * and details. The services store {@code program <id>}, {@code user <username>} and {@code team <code>}, and
 * the hash chain covers them as stored, so nothing stored changes: a page shows the program's name (archived
 * programs too), the person's display name and the team's name instead; a program no longer stored, a person
 * or team without a name and any other target (such as {@code mail 5}) read as stored. The API, the CSV and
 * the cell's tooltip keep the stored target.
 *
 * <p>The trail has many thousands of rows and the grid fetches them a page at a time, so {@link #of} words
 * the rows of one fetch with at most one look-up per kind (programs, people, teams), never one per row.
 */
final class AuditTargets {

    /** The names for one fetch's targets, one call per kind; whatever is missing from an answer reads as stored. */
    interface Lookup {
        Map<Long, String> programs(Set<Long> ids);

        Map<String, String> people(Set<String> usernames);

        Map<String, String> teams(Set<String> codes);
    }

    private static final Pattern TARGET = Pattern.compile("(program|user|team) (\\S.*)", Pattern.DOTALL);

    private AuditTargets() {
    }

    /** Each entry's sequence number with the words for its target. */
    static Map<Long, String> of(List<AuditEntry> entries, Lookup lookup) {
        Set<Long> programIds = new HashSet<>();
        Set<String> usernames = new HashSet<>();
        Set<String> teamCodes = new HashSet<>();
        for (AuditEntry e : entries) {
            Matcher m = match(e.target());
            if (m == null) {
                continue;
            }
            switch (m.group(1)) {
                case "program" -> {
                    Long id = id(m.group(2));
                    if (id != null) {
                        programIds.add(id);
                    }
                }
                case "user" -> usernames.add(m.group(2));
                default -> teamCodes.add(m.group(2));
            }
        }
        Map<Long, String> programs = programIds.isEmpty() ? Map.of() : lookup.programs(programIds);
        Map<String, String> people = usernames.isEmpty() ? Map.of() : lookup.people(usernames);
        Map<String, String> teams = teamCodes.isEmpty() ? Map.of() : lookup.teams(teamCodes);
        Map<Long, String> words = new HashMap<>();
        for (AuditEntry e : entries) {
            words.put(e.seq(), word(e.target(), programs, people, teams));
        }
        return words;
    }

    /**
     * The stored targets whose program, person or team is called something containing {@code text}, so the
     * page's search finds "Acme" in entries stored as {@code program 12}: the reverse of {@link #of}, and like it
     * one look-up per kind. At most {@link AuditFilter#MAX_NAMED}.
     */
    static List<String> named(String text, Function<String, List<Long>> programs, Function<String, List<String>> people,
                              Function<String, List<String>> teams) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> targets = new ArrayList<>();
        programs.apply(text).forEach(id -> targets.add("program " + id));
        people.apply(text).forEach(username -> targets.add("user " + username));
        teams.apply(text).forEach(code -> targets.add("team " + code));
        return targets.size() <= AuditFilter.MAX_NAMED ? targets : targets.subList(0, AuditFilter.MAX_NAMED);
    }

    private static String word(String target, Map<Long, String> programs, Map<String, String> people,
                               Map<String, String> teams) {
        if (target == null) {
            return "";
        }
        Matcher m = match(target);
        if (m == null) {
            return target;
        }
        String name = switch (m.group(1)) {
            case "program" -> {
                Long id = id(m.group(2));
                yield id == null ? null : programs.get(id);
            }
            case "user" -> people.get(m.group(2));
            default -> teams.get(m.group(2));
        };
        return name == null || name.isBlank() ? target : name;
    }

    private static Matcher match(String target) {
        if (target == null) {
            return null;
        }
        Matcher m = TARGET.matcher(target);
        return m.matches() ? m : null;
    }

    private static Long id(String digits) {
        if (!digits.matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(digits);
    }
}
