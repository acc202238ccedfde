package io.auditflow.control;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Framework catalogues, their coverage by our controls, and our crosswalk between them. */
@RestController
@RequestMapping("/api")
@Tag(name = "Frameworks", description = "SOC 2, ISO/IEC 27001:2022 and NIST CSF 2.0 catalogues and the crosswalk")
class FrameworkController {

    private final Catalogues catalogues;
    private final ControlService controls;

    FrameworkController(Catalogues catalogues, ControlService controls) {
        this.catalogues = catalogues;
        this.controls = controls;
    }

    @GetMapping("/frameworks")
    @Operation(summary = "List framework catalogues", description = "Code, version and how many items each has")
    List<Catalogue.Summary> frameworks() {
        return catalogues.all().stream().map(Catalogue::summary).toList();
    }

    @GetMapping("/frameworks/{code}/requirements")
    @Operation(summary = "Items of one catalogue", description = "Criteria, clauses, controls or subcategories in catalogue order")
    @ApiResponse(responseCode = "404", description = "No catalogue with that code")
    List<Requirement> requirements(@PathVariable String code) {
        return catalogues.catalogue(code).requirements();
    }

    @GetMapping("/frameworks/{code}/coverage")
    @Operation(summary = "Coverage of a catalogue by our controls", description = "Items without an active control are gaps; not for auditors")
    @ApiResponse(responseCode = "404", description = "No catalogue with that code")
    Coverage coverage(@PathVariable String code) {
        return controls.coverage(code);
    }

    @GetMapping("/crosswalk")
    @Operation(summary = "Our crosswalk between two catalogues",
            description = "Pairs with relationship and rationale, and the items without counterpart; either direction")
    @ApiResponse(responseCode = "404", description = "Unknown catalogue or no crosswalk between the two")
    Crosswalk crosswalk(@RequestParam(defaultValue = "SOC2") String from, @RequestParam(defaultValue = "ISO27001") String to) {
        return catalogues.crosswalk(from, to);
    }
}
