package io.auditflow.inbox;

import io.auditflow.common.ValidationException;
import io.auditflow.program.Framework;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox over HTTP. The service decides who may see and change which task. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "The compliance team's task inbox: list, claim, assign, complete, due dates")
class InboxController {

    private final InboxService inbox;

    InboxController(InboxService inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "List open tasks", description = "Sorted by due date (none last). view=mine (assigned to me),"
            + " team (my teams' tasks) or all (managers only). due=overdue (before today), week (today + 6 days),"
            + " month (today + 30 days), later (31+ days ahead or no due date). q searches the task name.")
    TaskPage list(@RequestParam(defaultValue = "mine") @Parameter(schema = @Schema(allowableValues = {"mine", "team", "all"})) String view,
                  @RequestParam(required = false) Long program,
                  @RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = {"SOC2_TYPE1", "SOC2_TYPE2", "ISO27001"})) String framework,
                  @RequestParam(required = false) @Parameter(schema = @Schema(allowableValues = {"overdue", "week", "month", "later"})) String due,
                  @RequestParam(required = false) String q,
                  @RequestParam(required = false) @Parameter(description = "Only recurring control-activity tasks") Boolean controls,
                  @RequestParam(required = false) @Parameter(description = "Column and direction: due, task, program or"
                          + " assignee, then asc or desc (default due,asc). Unknown columns give 400.", example = "due,asc") String sort,
                  @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "50") int size) {
        TaskFilter filter = new TaskFilter(parse(TaskListView.class, "view", view), program,
                parse(Framework.class, "framework", framework), parse(DueWindow.class, "due", due), q,
                Boolean.TRUE.equals(controls));
        return inbox.page(filter, TaskSort.parse(sort), page, size);
    }

    @PostMapping("/bulk")
    @Operation(summary = "Claim, assign (managers) or move the due date (managers) of several tasks at once",
            description = "Each task is changed on its own with the checks of the single-task change; the answer says how"
                    + " many changed and why each refused task was refused. At most " + InboxService.MAX_BULK + " ids.")
    BulkResult bulk(@RequestBody BulkRequest body) {
        return inbox.bulk(body == null ? null : parse(BulkAction.class, "action", body.action()),
                body == null ? null : body.taskIds(), body == null ? null : body.assignee(),
                body == null ? null : body.dueDate(), body == null ? null : body.reason());
    }

    @GetMapping("/counts")
    @Operation(summary = "How many open tasks each list holds", description = "all is null for members")
    TaskCounts counts() {
        return inbox.counts();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task with its program, the audit step it prepares, its form and history",
            responses = {@ApiResponse(responseCode = "200", description = "The task", useReturnTypeSchema = true),
                    @ApiResponse(responseCode = "404", description = "No such task, or not one of your teams'")})
    TaskDetails get(@PathVariable String id) {
        return inbox.details(id);
    }

    @PostMapping("/{id}/claim")
    @Operation(summary = "Claim a team task", responses = {
            @ApiResponse(responseCode = "200", description = "The task, now yours", useReturnTypeSchema = true),
            @ApiResponse(responseCode = "409", description = "Someone else has it")})
    InboxTask claim(@PathVariable String id) {
        return inbox.claim(id);
    }

    @PostMapping("/{id}/unclaim")
    @Operation(summary = "Hand a task back to the team")
    InboxTask unclaim(@PathVariable String id) {
        return inbox.unclaim(id);
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Assign or reassign a task (managers)", description = "An empty assignee hands it back to the team")
    InboxTask assign(@PathVariable String id, @RequestBody AssignRequest body) {
        return inbox.assign(id, body == null ? null : body.assignee());
    }

    @PostMapping("/{id}/due-date")
    @Operation(summary = "Move a task's due date (managers); the reason is kept in its history")
    InboxTask dueDate(@PathVariable String id, @RequestBody DueDateRequest body) {
        return inbox.changeDueDate(id, body == null ? null : body.dueDate(), body == null ? null : body.reason());
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete a task with its form values",
            description = "The body holds the values of the task's form (see fields in GET /api/tasks/{id}), by field name."
                    + " Missing required fields give 400 with fieldErrors; a task completed or reassigned meanwhile gives 409.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json",
                    schema = @Schema(type = "object", additionalPropertiesSchema = Object.class),
                    examples = @ExampleObject(value = "{\"comment\": \"Access review done; 3 accounts removed\"}"))))
    InboxTask complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> values) {
        return inbox.complete(id, values == null ? Map.of() : values);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "The task's history: claims, assignments, due date changes with reasons, comments, completion")
    List<TaskEvent> history(@PathVariable String id) {
        return inbox.history(id);
    }

    @PostMapping("/{id}/comments")
    @Operation(summary = "Comment on a task")
    TaskEvent comment(@PathVariable String id, @RequestBody CommentRequest body) {
        return inbox.comment(id, body == null ? null : body.comment());
    }

    @Schema(description = "Who gets the task: a user name on the task's team; empty to hand it back to the team")
    record AssignRequest(@Schema(example = "member") String assignee) {
    }

    @Schema(description = "The new due date and why it moves")
    record DueDateRequest(@Schema(example = "2026-03-31", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate dueDate,
                          @Schema(example = "Auditor moved fieldwork by two weeks", requiredMode = Schema.RequiredMode.REQUIRED) String reason) {
    }

    @Schema(description = "One change for several tasks: action claim, assign (with assignee) or due_date (with dueDate and reason)")
    record BulkRequest(@Schema(example = "claim", allowableValues = {"claim", "assign", "due_date"}) String action,
                       @Schema(description = "The tasks, at most " + InboxService.MAX_BULK) List<String> taskIds,
                       @Schema(example = "member") String assignee,
                       @Schema(example = "2026-03-31") LocalDate dueDate,
                       @Schema(example = "Auditor moved fieldwork by two weeks") String reason) {
    }

    record CommentRequest(@Schema(example = "Waiting for the export from IT") String comment) {
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "'" + value + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
