package io.auditflow.identity;

import io.auditflow.common.AuditEvent;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.Text;
import io.auditflow.common.Validation;
import io.auditflow.security.ApiTokenService;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Role;
import io.auditflow.security.SecondFactor;
import io.auditflow.security.UserSessions;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and teams: the admin's changes (role-checked here, whatever the caller) and the look-ups
 * other features make (who is on a team, who manages it, who the executives are).
 */
@Service
@Transactional
public class UserService {

    public static final int MIN_PASSWORD_LENGTH = PasswordPolicy.MIN_LENGTH;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final Pattern TEAM_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final AppUserRepository users;
    private final TeamRepository teams;
    private final PasswordEncoder passwordEncoder;
    private final UserSessions sessions;
    private final CamundaIdentitySync camunda;
    private final Clock clock;
    private final PasswordPolicy passwordPolicy;
    private final ApiTokenService apiTokens;
    private final SecondFactor secondFactor;
    private final ApplicationEventPublisher events;

    UserService(AppUserRepository users, TeamRepository teams, PasswordEncoder passwordEncoder,
                UserSessions sessions, CamundaIdentitySync camunda, Clock clock, PasswordPolicy passwordPolicy,
                ApiTokenService apiTokens, SecondFactor secondFactor, ApplicationEventPublisher events) {
        this.secondFactor = secondFactor;
        this.passwordPolicy = passwordPolicy;
        this.apiTokens = apiTokens;
        this.users = users;
        this.teams = teams;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.camunda = camunda;
        this.clock = clock;
        this.events = events;
    }

    // ---- look-ups -------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<UserSummary> listUsers() {
        return users.findAllByOrderByUsernameAsc().stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findUser(String username) {
        return users.findByUsernameIgnoreCase(username == null ? "" : username.trim()).map(this::summary);
    }

    @Transactional(readOnly = true)
    public UserSummary getUser(String username) {
        return findUser(username).orElseThrow(() -> new NotFoundException("No user '" + username + "'"));
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findUserById(Long id) {
        return id == null ? Optional.empty() : users.findById(id).map(this::summary);
    }

    @Transactional(readOnly = true)
    public Optional<TeamSummary> findTeamById(Long id) {
        return id == null ? Optional.empty() : teams.findById(id).map(UserService::summary);
    }

    @Transactional(readOnly = true)
    public List<UserSummary> usersWithRole(Role role) {
        return users.findEnabledWithRole(role).stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<TeamSummary> listTeams() {
        return teams.findAllByOrderByNameAsc().stream().map(UserService::summary).toList();
    }

    @Transactional(readOnly = true)
    public Optional<TeamSummary> findTeam(String code) {
        return teams.findByCodeIgnoreCase(code == null ? "" : code.trim()).map(UserService::summary);
    }

    /** Team codes of the user: their candidate groups. */
    @Transactional(readOnly = true)
    public List<String> teamCodesOf(String username) {
        return teams.findByMember(username).stream().map(Team::getCode).toList();
    }

    // ---- admin changes --------------------------------------------------------------------

    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary createUser(UserForm form) {
        Validation v = new Validation();
        String username = trim(form.getUsername()).toLowerCase();
        v.check(USERNAME.matcher(username).matches(), "username",
                "Use 2 to 64 lower-case letters, digits, dots, dashes or underscores");
        v.check(v.hasError("username") || users.findByUsernameIgnoreCase(username).isEmpty(), "username",
                "A user with this name already exists");
        checkPassword(v, "password", username, form.getPassword());
        validateDetails(form, v);
        v.throwIfInvalid();
        AppUser user = new AppUser(username, Text.singleLine(form.getDisplayName(), "displayName", "", new Validation()), blankToNull(form.getEmail()),
                passwordEncoder.encode(form.getPassword()), clock.instant());
        user.setRoles(form.getRoles());
        users.save(user);
        setTeams(user, form.getTeams());
        camunda.syncUser(user, teamCodesOf(username));
        events.publishEvent(new AuditEvent("USER_CREATED", "user " + username,
                "roles " + form.getRoles() + ", teams " + teamCodesOf(username)));
        return summary(user);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary updateUser(String username, UserForm form) {
        AppUser user = user(username);
        Validation v = new Validation();
        validateDetails(form, v);
        v.throwIfInvalid();
        String detailsBefore = "name '" + user.getDisplayName() + "', email " + user.getEmail();
        user.setDisplayName(Text.singleLine(form.getDisplayName(), "displayName", "", new Validation()));
        user.setEmail(blankToNull(form.getEmail()));
        String detailsAfter = "name '" + user.getDisplayName() + "', email " + user.getEmail();
        if (!detailsBefore.equals(detailsAfter)) {
            events.publishEvent(new AuditEvent("USER_DETAILS_CHANGED", "user " + user.getUsername(), detailsBefore + " -> " + detailsAfter));
        }
        boolean rolesChanged = !user.getRoles().equals(form.getRoles());
        String before = "roles " + user.getRoles() + ", teams " + teamCodesOf(user.getUsername());
        user.setRoles(form.getRoles());
        setTeams(user, form.getTeams());
        camunda.syncUser(user, teamCodesOf(user.getUsername()));
        String after = "roles " + user.getRoles() + ", teams " + teamCodesOf(user.getUsername());
        if (!before.equals(after)) {
            events.publishEvent(new AuditEvent("USER_ROLES_CHANGED", "user " + user.getUsername(), before + " -> " + after));
        }
        if (rolesChanged) {
            // Roles are read at sign-in: end the sessions so the new roles apply at once.
            sessions.expireAll(user.getUsername());
        }
        return summary(user);
    }

    /** Disabling ends every session of the user at once. */
    @PreAuthorize("hasRole('ADMIN')")
    public UserSummary setEnabled(String username, boolean enabled) {
        AppUser user = user(username);
        if (!enabled && user.getRoles().contains(Role.ADMIN) && countEnabledAdmins() <= 1 && user.isEnabled()) {
            throw new io.auditflow.common.ValidationException("enabled", "The last enabled admin cannot be disabled");
        }
        user.setEnabled(enabled);
        events.publishEvent(new AuditEvent(enabled ? "USER_ENABLED" : "USER_DISABLED", "user " + user.getUsername(), null));
        if (!enabled) {
            sessions.expireAll(user.getUsername());
        }
        return summary(user);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public void resetPassword(String username, String newPassword) {
        AppUser user = user(username);
        Validation v = new Validation();
        checkPassword(v, "password", user.getUsername(), newPassword);
        v.throwIfInvalid();
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        // An admin resets a password when an account may be compromised or its phone is lost: end its
        // sessions and tokens, and turn the second factor off so the user can sign in and set it up again.
        user.setTotp(null);
        events.publishEvent(new AuditEvent("USER_PASSWORD_RESET", "user " + user.getUsername(), "by an admin"));
        sessions.expireAll(user.getUsername());
        apiTokens.revokeAllOf(user.getUsername());
    }

    /**
     * Self-service change: the current password proves it is the user. Other sessions of the user end;
     * the one making the change stays signed in. Personal API tokens stay valid (the owner revokes them).
     */
    @PreAuthorize("isAuthenticated()")
    public void changeOwnPassword(String currentPassword, String newPassword, String keepSessionId) {
        AppUser user = user(CurrentUser.require());
        Validation v = new Validation();
        v.check(currentPassword != null && passwordEncoder.matches(currentPassword, user.getPasswordHash()),
                "currentPassword", "This is not your current password");
        checkPassword(v, "newPassword", user.getUsername(), newPassword);
        v.check(v.hasError("newPassword") || currentPassword == null || !currentPassword.equals(newPassword),
                "newPassword", "Choose a password you have not used here now");
        v.throwIfInvalid();
        user.setPasswordHash(passwordEncoder.encode(newPassword));
        sessions.expireAllExcept(user.getUsername(), keepSessionId);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public TeamSummary saveTeam(String code, String name, String managerUsername) {
        String key = trim(code).toLowerCase();
        Validation v = new Validation();
        v.check(TEAM_CODE.matcher(key).matches(), "code", "Use 2 to 64 lower-case letters, digits or dashes");
        String teamName = Text.singleLine(name, "name", "The team name", v);
        v.check(!teamName.isEmpty(), "name", "Give the team a name");
        AppUser manager = null;
        if (!trim(managerUsername).isEmpty()) {
            manager = users.findByUsernameIgnoreCase(managerUsername.trim()).orElse(null);
            v.check(manager != null, "manager", "No user '" + managerUsername + "'");
        }
        v.throwIfInvalid();
        Team team = teams.findByCodeIgnoreCase(key).orElseGet(() -> new Team(key, teamName));
        team.setName(teamName);
        team.setManager(manager);
        teams.save(team);
        camunda.syncTeam(team.getCode(), team.getName());
        events.publishEvent(new AuditEvent("TEAM_SAVED", "team " + team.getCode(),
                "name '" + team.getName() + "', manager " + (manager == null ? "none" : manager.getUsername())));
        return summary(team);
    }

    // ---- seeding (demo data and the first admin); skips the password policy ---------------

    /** Creates a user if missing, for demo data and bootstrap only. */
    public UserSummary seedUser(String username, String displayName, String email, String rawPassword,
                                Set<Role> roles, Set<String> teamCodes) {
        AppUser user = users.findByUsernameIgnoreCase(username).orElse(null);
        if (user == null) {
            user = new AppUser(username, displayName, email, passwordEncoder.encode(rawPassword), clock.instant());
            user.setRoles(roles);
            users.save(user);
            setTeams(user, teamCodes);
            camunda.syncUser(user, teamCodesOf(username));
            events.publishEvent(new Names.Changed());
        }
        return summary(user);
    }

    /** Creates a team if missing, for demo data only. */
    public TeamSummary seedTeam(String code, String name, String managerUsername) {
        Team team = teams.findByCodeIgnoreCase(code).orElseGet(() -> teams.save(new Team(code, name)));
        if (managerUsername != null) {
            team.setManager(users.findByUsernameIgnoreCase(managerUsername).orElse(null));
        }
        camunda.syncTeam(team.getCode(), team.getName());
        events.publishEvent(new Names.Changed());
        return summary(team);
    }

    public boolean hasAnyUser() {
        return users.count() > 0;
    }

    /** Turns on the caller's second factor once a code from the app proves the secret was stored. */
    @PreAuthorize("isAuthenticated()")
    public void enableOwnSecondFactor(String secret, String code) {
        AppUser user = user(CurrentUser.require());
        new Validation().check(secondFactor.verify(secret, code), "code",
                "This code does not match; check the time on your phone and enter the current code").throwIfInvalid();
        user.setTotp(secret);
    }

    /** Turns off the caller's second factor; the current password proves it is them. */
    @PreAuthorize("isAuthenticated()")
    public void disableOwnSecondFactor(String currentPassword) {
        AppUser user = user(CurrentUser.require());
        new Validation().check(currentPassword != null && passwordEncoder.matches(currentPassword, user.getPasswordHash()),
                "currentPassword", "This is not your current password").throwIfInvalid();
        user.setTotp(null);
    }

    @Transactional(readOnly = true)
    public boolean hasSecondFactor(String username) {
        return users.findByUsernameIgnoreCase(username == null ? "" : username.trim())
                .map(u -> u.getTotpSecret() != null).orElse(false);
    }

    // ---- internals ---------------------------------------------------------------------------

    private void checkPassword(Validation v, String field, String username, String password) {
        for (io.auditflow.common.Phrase problem : passwordPolicy.reasons(username, password)) {
            v.check(false, field, problem);
        }
    }

    private void validateDetails(UserForm form, Validation v) {
        String displayName = Text.singleLine(form.getDisplayName(), "displayName", "The name", v);
        v.check(!displayName.isEmpty(), "displayName", "Give the person's name");
        String email = trim(form.getEmail());
        v.check(email.isEmpty() || EMAIL.matcher(email).matches(), "email", "This is not an e-mail address");
        v.check(form.getRoles() != null && !form.getRoles().isEmpty(), "roles", "Give the user at least one role");
        for (String code : form.getTeams()) {
            v.check(teams.findByCodeIgnoreCase(code).isPresent(), "teams", "No team '" + code + "'");
        }
    }

    private void setTeams(AppUser user, Set<String> teamCodes) {
        teams.setMemberships(user, teamCodes);
    }

    private long countEnabledAdmins() {
        return users.findEnabledWithRole(Role.ADMIN).size();
    }

    private AppUser user(String username) {
        return users.findByUsernameIgnoreCase(username == null ? "" : username.trim())
                .orElseThrow(() -> new NotFoundException("No user '" + username + "'"));
    }

    private UserSummary summary(AppUser u) {
        return new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getRoles(),
                teams.findByMember(u.getUsername()).stream().map(Team::getCode).toList(), u.isEnabled());
    }

    private static TeamSummary summary(Team t) {
        return new TeamSummary(t.getId(), t.getCode(), t.getName(),
                t.getManager() == null ? null : t.getManager().getUsername(),
                t.getMembers().stream().map(AppUser::getUsername).sorted(Comparator.naturalOrder()).toList());
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
