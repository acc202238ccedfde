package io.auditflow.search;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search", description = "Global search over programs, tasks, evidence files and audit requests")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @GetMapping(value = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Programs, tasks, evidence files and audit requests whose name contains the text, grouped by kind",
            description = "Only what the caller may see (members: their teams' tasks and evidence; auditors: their engagements'"
                    + " requests and evidence). At most 10 hits a kind; queries of fewer than 2 characters find nothing;"
                    + " more than 100 characters is a 400 with a field error. % and _ match themselves.")
    SearchResults search(@Parameter(description = "The text to look for (2-100 characters)")
                         @RequestParam(name = "q", defaultValue = "") String q) {
        return search.search(q);
    }
}
