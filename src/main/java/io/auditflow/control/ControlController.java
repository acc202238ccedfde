package io.auditflow.control;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

/** The organisation's unified control set over HTTP; the services decide who may do what. */
@RestController
@RequestMapping("/api/controls")
@Tag(name = "Controls", description = "One control set for every framework: owner, frequency, requirements, history, evidence")
class ControlController {

    /** Why a control is retired. */
    record RetireRequest(String reason) {
    }

    private final ControlService controls;
    private final EvidenceReuse evidence;

    ControlController(ControlService controls, EvidenceReuse evidence) {
        this.controls = controls;
        this.evidence = evidence;
    }

    @GetMapping
    @Operation(summary = "List controls", description = "Retired controls only with includeRetired=true")
    List<Control> list(@RequestParam(defaultValue = "false") boolean includeRetired) {
        return controls.list(includeRetired);
    }

    @GetMapping("/{code}")
    @Operation(summary = "One control")
    @ApiResponse(responseCode = "404", description = "No such control")
    Control get(@PathVariable String code) {
        return controls.get(code);
    }

    @PostMapping
    @Operation(summary = "Add a control", description = "Managers and admins; requirement ids must exist in their catalogue")
    @ApiResponse(responseCode = "400", description = "Field errors, e.g. an unknown requirement id")
    @ApiResponse(responseCode = "409", description = "The code is taken")
    ResponseEntity<Control> create(@RequestBody Control.Request request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(controls.create(request));
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change a control", description = "Managers and admins; the change is kept in the history")
    @ApiResponse(responseCode = "400", description = "Field errors")
    @ApiResponse(responseCode = "409", description = "The control is retired")
    Control update(@PathVariable String code, @RequestBody Control.Request request) {
        return controls.update(code, request);
    }

    @PostMapping("/{code}/retire")
    @Operation(summary = "Retire a control", description = "Managers and admins; it stops being planned and stops covering requirements")
    @ApiResponse(responseCode = "409", description = "Retired already")
    Control retire(@PathVariable String code, @RequestBody RetireRequest request) {
        return controls.retire(code, request == null ? null : request.reason());
    }

    @GetMapping("/{code}/history")
    @Operation(summary = "What changed on a control, oldest first")
    List<Control.Change> history(@PathVariable String code) {
        return controls.history(code);
    }

    @GetMapping("/{code}/evidence")
    @Operation(summary = "Evidence completeness per program",
            description = "For each program the control serves: the period, expected and present occurrences, and the evidence counted")
    List<EvidenceReuse.Completeness> evidence(@PathVariable String code) {
        return evidence.completeness(code);
    }
}
