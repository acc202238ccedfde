package io.auditflow.program;

import io.auditflow.search.SearchHit;
import io.auditflow.search.SearchKind;
import io.auditflow.search.SearchProvider;
import io.auditflow.search.SearchQuery;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Programs by name for the global search: the live programs, which every signed-in role may list. */
@Component
class ProgramSearchProvider implements SearchProvider {

    private final ProgramService programs;

    ProgramSearchProvider(ProgramService programs) {
        this.programs = programs;
    }

    @Override
    public SearchKind kind() {
        return SearchKind.PROGRAM;
    }

    @Override
    public List<SearchHit> search(SearchQuery query, int limit) {
        return programs.list(false).stream()
                .filter(p -> query.matches(p.name()))
                // names that start with the text first, then by name
                .sorted(Comparator.comparing((Program p) -> !p.name().toLowerCase(java.util.Locale.ROOT).startsWith(query.text()))
                        .thenComparing(Program::name, String.CASE_INSENSITIVE_ORDER))
                .limit(limit)
                .map(p -> new SearchHit(SearchKind.PROGRAM, p.name(), p.framework().label() + " · " + (p.teamName() != null ? p.teamName() : p.team()), "programs/" + p.id()))
                .toList();
    }
}
