package io.auditflow.identity;

import io.auditflow.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users and teams over HTTP for admins. Every call goes to the same {@link UserService} methods as
 * the admin views, so the rules (user name form, password policy, last admin, team codes, input
 * hygiene) and the audit entries are the same.
 */
@RestController
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
@Tag(name = "Administration", description = "Users, roles and teams; admins only")
class AdminController {

    private final UserService users;

    AdminController(UserService users) {
        this.users = users;
    }

    @Schema(description = "A new user")
    record NewUser(@Schema(example = "nora") String username, @Schema(example = "Nora Quinn") String displayName,
                   @Schema(example = "nora@example.com") String email,
                   @Schema(description = "The first password; the user should change it") String password,
                   Set<io.auditflow.security.Role> roles, @Schema(example = "[\"grc\"]") Set<String> teams) {
    }

    @Schema(description = "A user's details, roles and teams (all replaced)")
    record UserChange(String displayName, String email, Set<io.auditflow.security.Role> roles, Set<String> teams) {
    }

    @Schema(description = "A new password set by an admin")
    record PasswordReset(String password) {
    }

    @Schema(description = "A team's name and manager (user name, may be empty)")
    record TeamChange(@Schema(example = "Governance, risk and compliance") String name,
                      @Schema(example = "manager") String manager) {
    }

    @GetMapping("/api/admin/users")
    @Operation(summary = "List every user with roles, teams and whether they are enabled")
    List<UserSummary> listUsers() {
        return users.listUsers();
    }

    @GetMapping("/api/admin/users/{username}")
    @Operation(summary = "One user")
    UserSummary getUser(@PathVariable String username) {
        return users.getUser(username);
    }

    @PostMapping("/api/admin/users")
    @Operation(summary = "Create a user", description = "400 with fieldErrors for a taken or malformed user name, a weak"
            + " password, no role or an unknown team")
    ResponseEntity<UserSummary> createUser(@RequestBody NewUser body) {
        UserForm form = new UserForm(body.username(), body.displayName(), body.email(), body.password(),
                body.roles() == null ? Set.of() : body.roles(), body.teams() == null ? Set.of() : body.teams());
        return ResponseEntity.status(HttpStatus.CREATED).body(users.createUser(form));
    }

    @PutMapping("/api/admin/users/{username}")
    @Operation(summary = "Change a user's name, e-mail, roles and teams", description = "Changing roles ends the"
            + " user's sessions so the new roles apply at once")
    UserSummary updateUser(@PathVariable String username, @RequestBody UserChange body) {
        UserForm form = new UserForm(username, body.displayName(), body.email(), null,
                body.roles() == null ? Set.of() : body.roles(), body.teams() == null ? Set.of() : body.teams());
        return users.updateUser(username, form);
    }

    @PostMapping("/api/admin/users/{username}/disable")
    @Operation(summary = "Disable a user", description = "Ends their sessions; the last enabled admin cannot be disabled (400)")
    UserSummary disable(@PathVariable String username) {
        return users.setEnabled(username, false);
    }

    @PostMapping("/api/admin/users/{username}/enable")
    @Operation(summary = "Enable a user again")
    UserSummary enable(@PathVariable String username) {
        return users.setEnabled(username, true);
    }

    @PostMapping("/api/admin/users/{username}/password")
    @Operation(summary = "Set a new password for a user", description = "Ends their sessions")
    ResponseEntity<Void> resetPassword(@PathVariable String username, @RequestBody PasswordReset body) {
        users.resetPassword(username, body == null ? null : body.password());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/admin/teams")
    @Operation(summary = "List every team with manager and members")
    List<TeamSummary> listTeams() {
        return users.listTeams();
    }

    @PutMapping("/api/admin/teams/{code}")
    @Operation(summary = "Create or change a team", description = "The code is 2 to 64 lower-case letters, digits or dashes")
    TeamSummary saveTeam(@PathVariable String code, @RequestBody TeamChange body) {
        return users.saveTeam(code, body == null ? null : body.name(), body == null ? null : body.manager());
    }
}
