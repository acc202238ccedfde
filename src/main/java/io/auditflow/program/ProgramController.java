package io.auditflow.program;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Audit programs over HTTP; the service decides who may change what. */
@RestController
@RequestMapping("/api/programs")
@Tag(name = "Programs", description = "Audit programs: one compliance commitment per framework")
class ProgramController {

    private final ProgramService programs;

    ProgramController(ProgramService programs) {
        this.programs = programs;
    }

    @GetMapping
    @Operation(summary = "List programs", description = "Archived programs only with includeArchived=true")
    List<Program> list(@RequestParam(defaultValue = "false") boolean includeArchived) {
        return programs.list(includeArchived);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One program")
    Program get(@PathVariable Long id) {
        return programs.get(id);
    }

    @PostMapping
    @Operation(summary = "Create a program", description = "Managers and admins only")
    ResponseEntity<Program> create(@RequestBody ProgramRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(programs.create(request));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a program", description = "Managers and admins only")
    Program update(@PathVariable Long id, @RequestBody ProgramRequest request) {
        return programs.update(id, request);
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a program", description = "Managers and admins only. An archived program is"
            + " read-only: its lifecycle processes are suspended, its tasks leave the inbox, and every change to it,"
            + " its tasks, evidence or milestones answers 409 until it is restored")
    Program archive(@PathVariable Long id) {
        return programs.setArchived(id, true);
    }

    @PostMapping("/{id}/restore")
    @Operation(summary = "Restore an archived program",
            description = "Managers and admins only; its suspended lifecycle processes resume and its tasks return to the inbox")
    Program restore(@PathVariable Long id) {
        return programs.setArchived(id, false);
    }
}
