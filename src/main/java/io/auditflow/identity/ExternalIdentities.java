package io.auditflow.identity;

import io.auditflow.common.AuditEvent;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.Secrets;
import io.auditflow.common.Text;
import io.auditflow.common.Validation;
import io.auditflow.security.ApiTokenService;
import io.auditflow.security.Role;
import io.auditflow.security.Roles;
import io.auditflow.security.UserSessions;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and teams that the company's identity provider manages: created or updated just in time at
 * an OpenID Connect sign-in, and provisioned through SCIM. Local accounts (the admin's, the
 * break-glass admin) are never taken over: the provider only ever sees and changes users and teams it
 * created itself (or a local team it adopted by name). See docs/sso.md.
 */
@Service
@Transactional
public class ExternalIdentities {

    /** Provider user names are often e-mail addresses: also '@' and '+', lower-cased, 2 to 64 characters. */
    static final Pattern EXTERNAL_USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{1,63}");
    static final int MAX_EXTERNAL_ID = 255;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String PROVISIONER = "hasRole('" + Roles.SCIM + "')";

    private final AppUserRepository users;
    private final TeamRepository teams;
    private final EntityManager em;
    private final PasswordEncoder passwordEncoder;
    private final UserSessions sessions;
    private final ApiTokenService apiTokens;
    private final CamundaIdentitySync camunda;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ExternalIdentities(AppUserRepository users, TeamRepository teams, EntityManager em, PasswordEncoder passwordEncoder,
                       UserSessions sessions, ApiTokenService apiTokens, CamundaIdentitySync camunda, Clock clock,
                       ApplicationEventPublisher events) {
        this.users = users;
        this.teams = teams;
        this.em = em;
        this.passwordEncoder = passwordEncoder;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.camunda = camunda;
        this.clock = clock;
        this.events = events;
    }

    // ---- OpenID Connect sign-in ------------------------------------------------------------

    /**
     * Creates or updates the user behind a verified ID token. Roles and teams are replaced by the
     * token's when it carries them ({@code null} keeps what SCIM or an earlier sign-in gave).
     *
     * @throws ExternalSignInRefused when the user may not sign in (no role, disabled, a local account of that name)
     */
    public ExternalUser signIn(String subject, String rawUsername, String rawDisplayName, String rawEmail,
                               Set<Role> roles, Set<String> teamCodes) {
        String username = rawUsername == null ? "" : rawUsername.strip().toLowerCase(Locale.ROOT);
        if (!EXTERNAL_USERNAME.matcher(username).matches()) {
            throw new ExternalSignInRefused(ExternalSignInRefused.Reason.BAD_USERNAME,
                    "The provider sent no usable user name");
        }
        AppUser user = users.findByUsernameIgnoreCase(username).orElse(null);
        if (user != null && !user.isExternal()) {
            throw new ExternalSignInRefused(ExternalSignInRefused.Reason.LOCAL_ACCOUNT,
                    "A local account named " + username + " exists");
        }
        if (user != null && user.getSsoSubject() != null && !user.getSsoSubject().equals(subject)) {
            throw new ExternalSignInRefused(ExternalSignInRefused.Reason.OTHER_SUBJECT,
                    "The account " + username + " belongs to another identity at the provider");
        }
        if (user != null && (!user.isEnabled() || user.isDeprovisioned())) {
            throw new ExternalSignInRefused(ExternalSignInRefused.Reason.DISABLED, "The account is disabled");
        }
        Set<Role> effective = roles != null ? roles : user == null ? Set.of() : user.getRoles();
        if (effective.isEmpty()) {
            throw new ExternalSignInRefused(ExternalSignInRefused.Reason.NO_ROLE, "No Auditflow role for " + username);
        }
        String displayName = cleanDisplayName(rawDisplayName, username);
        String email = rawEmail != null && EMAIL.matcher(rawEmail.strip()).matches() && rawEmail.length() <= 320
                ? rawEmail.strip() : null;
        boolean created = user == null;
        if (created) {
            user = new AppUser(username, displayName, email, unusablePassword(), clock.instant());
            user.setExternal(true);
        } else {
            user.setDisplayName(displayName);
            if (email != null) {
                user.setEmail(email);
            }
        }
        user.setSsoSubject(subject);
        String before = created ? null : describe(user);
        user.setRoles(effective);
        users.save(user);
        if (teamCodes != null) {
            setTeams(user, teamCodes);
        }
        camunda.syncUser(user, teamCodes(user));
        if (created) {
            events.publishEvent(new AuditEvent("USER_CREATED", "user " + username, "by single sign-on, " + describe(user)));
        } else if (!describe(user).equals(before)) {
            events.publishEvent(new AuditEvent("USER_ROLES_CHANGED", "user " + username,
                    before + " -> " + describe(user) + " (single sign-on)"));
        }
        return external(user);
    }

    // ---- SCIM users ----------------------------------------------------------------------------

    @PreAuthorize(PROVISIONER)
    @Transactional(readOnly = true)
    public ExternalPage<ExternalUser> findUsers(String userName, String externalId, int startIndex, int count) {
        StringBuilder where = new StringBuilder("u.external = true and u.deprovisioned = false");
        Map<String, Object> params = new LinkedHashMap<>();
        if (userName != null) {
            where.append(" and lower(u.username) = :userName");
            params.put("userName", userName.strip().toLowerCase(Locale.ROOT));
        }
        if (externalId != null) {
            where.append(" and u.scimExternalId = :externalId");
            params.put("externalId", externalId);
        }
        TypedQuery<Long> total = em.createQuery("select count(u) from AppUser u where " + where, Long.class);
        TypedQuery<AppUser> page = em.createQuery("select u from AppUser u where " + where + " order by u.id", AppUser.class);
        params.forEach((k, v) -> {
            total.setParameter(k, v);
            page.setParameter(k, v);
        });
        List<ExternalUser> items = count <= 0 ? List.of()
                : page.setFirstResult(startIndex - 1).setMaxResults(count).getResultList().stream().map(this::external).toList();
        return new ExternalPage<>(total.getSingleResult(), startIndex, items);
    }

    @PreAuthorize(PROVISIONER)
    @Transactional(readOnly = true)
    public ExternalUser user(long id) {
        return external(externalUser(id));
    }

    @PreAuthorize(PROVISIONER)
    public ExternalUser createUser(ProvisionedUser p) {
        Validation v = new Validation();
        String username = checkUsername(p.userName(), v);
        String displayName = Text.singleLine(p.displayName(), "displayName", "The name", v);
        String email = checkEmail(p.email(), v);
        checkExternalId(p.externalId(), v);
        v.throwIfInvalid();
        AppUser user = users.findByUsernameIgnoreCase(username).orElse(null);
        if (user != null && (!user.isExternal() || !user.isDeprovisioned())) {
            throw new ConflictException(user.isExternal() ? "A user with this userName exists"
                    : "A local account with this userName exists; it is not managed by the provider");
        }
        boolean revived = user != null;
        if (user == null) {
            user = new AppUser(username, displayName.isEmpty() ? username : displayName, email, unusablePassword(),
                    clock.instant());
            user.setExternal(true);
        }
        user.setDeprovisioned(false);
        apply(user, displayName, email, p.externalId());
        user.setEnabled(p.active());
        users.save(user);
        camunda.syncUser(user, teamCodes(user));
        events.publishEvent(new AuditEvent(revived ? "USER_ENABLED" : "USER_CREATED", "user " + username,
                "by SCIM provisioning" + (p.active() ? "" : ", inactive")));
        return external(user);
    }

    /** PUT: the provider's full picture of the user (group memberships are changed through the groups). */
    @PreAuthorize(PROVISIONER)
    public ExternalUser replaceUser(long id, ProvisionedUser p) {
        AppUser user = externalUser(id);
        Validation v = new Validation();
        String username = checkUsername(p.userName(), v);
        String displayName = Text.singleLine(p.displayName(), "displayName", "The name", v);
        String email = checkEmail(p.email(), v);
        checkExternalId(p.externalId(), v);
        v.throwIfInvalid();
        if (!username.equals(user.getUsername())) {
            // User names are the key of tasks, teams, tokens and the audit trail: they do not change.
            throw new io.auditflow.common.ValidationException("userName",
                    "The userName of " + user.getUsername() + " cannot change; create a new user instead");
        }
        apply(user, displayName, email, p.externalId());
        camunda.syncUser(user, teamCodes(user));
        setActive(user, p.active());
        return external(user);
    }

    /** PATCH of single attributes; null leaves an attribute as it is. */
    @PreAuthorize(PROVISIONER)
    public ExternalUser patchUser(long id, String displayName, String email, String externalId, Boolean active) {
        AppUser user = externalUser(id);
        ProvisionedUser p = new ProvisionedUser(user.getUsername(),
                displayName != null ? displayName : user.getDisplayName(),
                email != null ? email : user.getEmail(),
                externalId != null ? externalId : user.getScimExternalId(),
                active != null ? active : user.isEnabled());
        return replaceUser(id, p);
    }

    /** DELETE: the user stays on record (tasks, audit trail) but is disabled, leaves its teams and vanishes from SCIM. */
    @PreAuthorize(PROVISIONER)
    public void deleteUser(long id) {
        AppUser user = externalUser(id);
        setActive(user, false);
        user.setDeprovisioned(true);
        user.setScimExternalId(null);
        setTeams(user, Set.of());
        user.setRoles(Set.of());
        camunda.syncUser(user, List.of());
        events.publishEvent(new AuditEvent("USER_DEPROVISIONED", "user " + user.getUsername(), "by SCIM provisioning"));
    }

    /** Roles that follow from the user's groups (the caller applies the configured mapping). */
    @PreAuthorize(PROVISIONER)
    public void setProvisionedRoles(long id, Set<Role> roles) {
        AppUser user = externalUser(id);
        if (user.getRoles().equals(roles)) {
            return;
        }
        String before = describe(user);
        user.setRoles(roles);
        camunda.syncUser(user, teamCodes(user));
        events.publishEvent(new AuditEvent("USER_ROLES_CHANGED", "user " + user.getUsername(),
                before + " -> " + describe(user) + " (SCIM provisioning)"));
        // Roles are read at sign-in: end the sessions so the new roles apply at once.
        sessions.expireAll(user.getUsername());
    }

    // ---- SCIM groups (teams) -----------------------------------------------------------------

    @PreAuthorize(PROVISIONER)
    @Transactional(readOnly = true)
    public ExternalPage<ExternalGroup> findGroups(String displayName, String externalId, int startIndex, int count) {
        List<Team> all = teams.findAll().stream().filter(Team::isExternal)
                .filter(t -> displayName == null || t.getName().equalsIgnoreCase(displayName.strip()))
                .filter(t -> externalId == null || externalId.equals(t.getScimExternalId()))
                .sorted(Comparator.comparing(Team::getId)).toList();
        List<ExternalGroup> items = all.stream().skip(startIndex - 1L).limit(Math.max(count, 0)).map(this::group).toList();
        return new ExternalPage<>(all.size(), startIndex, items);
    }

    @PreAuthorize(PROVISIONER)
    @Transactional(readOnly = true)
    public ExternalGroup group(long id) {
        return group(externalTeam(id));
    }

    /**
     * A new group becomes a team whose code is made from its name; a local team of that code is
     * adopted (from then on the provider manages its members).
     */
    @PreAuthorize(PROVISIONER)
    public ExternalGroup createGroup(String rawName, String externalId, Collection<Long> memberIds) {
        Validation v = new Validation();
        String name = checkGroupName(rawName, v);
        checkExternalId(externalId, v);
        v.throwIfInvalid();
        String code = teamCode(name);
        Team team = teams.findByCodeIgnoreCase(code).orElse(null);
        if (team != null && team.isExternal()) {
            throw new ConflictException("A group with this displayName exists");
        }
        boolean adopted = team != null;
        if (team == null) {
            team = new Team(code, name);
        }
        team.setName(name);
        team.setExternal(true);
        team.setScimExternalId(externalId);
        teams.save(team);
        camunda.syncTeam(team.getCode(), team.getName());
        events.publishEvent(new AuditEvent("TEAM_SAVED", "team " + team.getCode(),
                (adopted ? "adopted" : "created") + " by SCIM provisioning as '" + name + "'"));
        if (memberIds != null) {
            replaceMembers(team, memberIds);
        }
        return group(team);
    }

    /** PUT or PATCH replace: a new name and/or the full member list ({@code null} keeps it). */
    @PreAuthorize(PROVISIONER)
    public ExternalGroup updateGroup(long id, String rawName, String externalId, Collection<Long> memberIds) {
        Team team = externalTeam(id);
        Validation v = new Validation();
        String name = rawName == null ? team.getName() : checkGroupName(rawName, v);
        checkExternalId(externalId, v);
        v.throwIfInvalid();
        if (!name.equals(team.getName())) {
            // The code is the Camunda candidate group of open tasks: a rename keeps it.
            team.setName(name);
            camunda.syncTeam(team.getCode(), name);
            events.publishEvent(new AuditEvent("TEAM_SAVED", "team " + team.getCode(), "renamed to '" + name + "' by SCIM"));
        }
        if (externalId != null) {
            team.setScimExternalId(externalId);
        }
        if (memberIds != null) {
            replaceMembers(team, memberIds);
        }
        return group(team);
    }

    @PreAuthorize(PROVISIONER)
    public ExternalGroup addMembers(long id, Collection<Long> memberIds) {
        return changeMembers(id, wanted -> wanted.addAll(memberIds));
    }

    @PreAuthorize(PROVISIONER)
    public ExternalGroup removeMembers(long id, Collection<Long> memberIds) {
        return changeMembers(id, wanted -> wanted.removeAll(memberIds));
    }

    private ExternalGroup changeMembers(long id, java.util.function.Consumer<Set<Long>> change) {
        Team team = externalTeam(id);
        Set<Long> wanted = new HashSet<>(memberIdsOf(team));
        change.accept(wanted);
        replaceMembers(team, wanted);
        return group(team);
    }

    /** DELETE: the team stays (programs and tasks use its code) but loses its provisioned members and leaves SCIM. */
    @PreAuthorize(PROVISIONER)
    public void deleteGroup(long id) {
        Team team = externalTeam(id);
        replaceMembers(team, team.getMembers().stream().filter(m -> !m.isExternal()).map(AppUser::getId).toList());
        team.setExternal(false);
        team.setScimExternalId(null);
        events.publishEvent(new AuditEvent("TEAM_SAVED", "team " + team.getCode(), "released by SCIM provisioning"));
    }

    /** The groups (teams) a provisioned user is in, for the caller to derive roles from. */
    @PreAuthorize(PROVISIONER)
    @Transactional(readOnly = true)
    public List<ExternalUser.GroupRef> groupsOf(long userId) {
        return external(externalUser(userId)).groups();
    }

    // ---- internals -----------------------------------------------------------------------------

    private void replaceMembers(Team team, Collection<Long> memberIds) {
        Set<Long> wanted = new HashSet<>(memberIds);
        List<AppUser> add = new ArrayList<>();
        for (Long id : wanted) {
            AppUser u = users.findById(id).filter(x -> !x.isDeprovisioned())
                    .orElseThrow(() -> new io.auditflow.common.ValidationException("members", "No user " + id));
            if (!u.isExternal() && team.getMembers().stream().noneMatch(m -> m.getId().equals(id))) {
                throw new io.auditflow.common.ValidationException("members",
                        "User " + id + " is a local account; the provider cannot add it to a team");
            }
            add.add(u);
        }
        List<AppUser> changed = new ArrayList<>();
        for (AppUser m : List.copyOf(team.getMembers())) {
            if (!wanted.contains(m.getId())) {
                team.getMembers().remove(m);
                changed.add(m);
            }
        }
        for (AppUser u : add) {
            if (team.getMembers().add(u)) {
                changed.add(u);
            }
        }
        teams.flush();
        for (AppUser u : changed) {
            camunda.syncUser(u, teamCodes(u));
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new AuditEvent("TEAM_MEMBERS_CHANGED", "team " + team.getCode(),
                    "members " + team.getMembers().stream().map(AppUser::getUsername).sorted().toList() + " (SCIM)"));
        }
    }

    private List<Long> memberIdsOf(Team team) {
        return team.getMembers().stream().map(AppUser::getId).toList();
    }

    private void setActive(AppUser user, boolean active) {
        if (user.isEnabled() == active) {
            return;
        }
        user.setEnabled(active);
        events.publishEvent(new AuditEvent(active ? "USER_ENABLED" : "USER_DISABLED", "user " + user.getUsername(),
                "by SCIM provisioning"));
        if (!active) {
            // Deactivated at the provider: no session and no personal API token outlives it.
            sessions.expireAll(user.getUsername());
            apiTokens.revokeAllOf(user.getUsername());
        }
    }

    private void apply(AppUser user, String displayName, String email, String externalId) {
        if (!displayName.isEmpty()) {
            user.setDisplayName(displayName);
        }
        user.setEmail(email);
        user.setScimExternalId(externalId);
    }

    private void setTeams(AppUser user, Set<String> teamCodes) {
        teams.setMemberships(user, teamCodes);
    }

    private List<String> teamCodes(AppUser user) {
        return user.getId() == null ? List.of() : teams.findByMember(user.getUsername()).stream().map(Team::getCode).toList();
    }

    private String describe(AppUser user) {
        return "roles " + user.getRoles() + ", teams " + teamCodes(user);
    }

    private AppUser externalUser(long id) {
        return users.findById(id).filter(AppUser::isExternal).filter(u -> !u.isDeprovisioned())
                .orElseThrow(() -> new NotFoundException("No user " + id));
    }

    private Team externalTeam(long id) {
        return teams.findById(id).filter(Team::isExternal).orElseThrow(() -> new NotFoundException("No group " + id));
    }

    private ExternalUser external(AppUser u) {
        List<ExternalUser.GroupRef> groups = u.getId() == null ? List.of() : teams.findByMember(u.getUsername()).stream()
                .map(t -> new ExternalUser.GroupRef(t.getId(), t.getName(), t.getScimExternalId(), t.isExternal())).toList();
        return new ExternalUser(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.isEnabled(),
                u.getScimExternalId(), u.getCreatedAt(), u.getRoles(), groups);
    }

    private ExternalGroup group(Team t) {
        return new ExternalGroup(t.getId(), t.getCode(), t.getName(), t.getScimExternalId(), t.getMembers().stream()
                .sorted(Comparator.comparing(AppUser::getId))
                .map(m -> new ExternalGroup.Member(m.getId(), m.getUsername())).toList());
    }

    private String checkUsername(String raw, Validation v) {
        String username = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        v.check(EXTERNAL_USERNAME.matcher(username).matches(), "userName",
                "Use 2 to 64 letters, digits, dots, dashes, underscores, '@' or '+'");
        return username;
    }

    private static String checkEmail(String raw, Validation v) {
        String email = raw == null ? "" : raw.strip();
        v.check(email.isEmpty() || (EMAIL.matcher(email).matches() && email.length() <= 320), "emails",
                "This is not an e-mail address");
        return email.isEmpty() ? null : email;
    }

    private static void checkExternalId(String externalId, Validation v) {
        v.check(externalId == null || (externalId.length() <= MAX_EXTERNAL_ID && Text.firstForbidden(externalId, false) < 0),
                "externalId", "Use at most " + MAX_EXTERNAL_ID + " characters and no control characters");
    }

    private static String checkGroupName(String raw, Validation v) {
        String name = Text.singleLine(raw, "displayName", "The group name", v);
        v.check(!name.isEmpty(), "displayName", "Give the group a displayName");
        v.check(name.length() <= 200, "displayName", "Use at most 200 characters");
        v.check(v.hasError("displayName") || teamCode(name).length() >= 2, "displayName",
                "Use at least two letters or digits in the group name");
        return name;
    }

    /** A team code from a group name: lower-case letters and digits, runs of anything else become one dash. */
    static String teamCode(String name) {
        String code = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return code.length() > 64 ? code.substring(0, 64).replaceAll("-+$", "") : code;
    }

    private static String cleanDisplayName(String raw, String fallback) {
        Validation v = new Validation();
        String name = Text.singleLine(raw, "displayName", "The name", v);
        return v.hasError("displayName") || name.isEmpty() || name.length() > 200 ? fallback : name;
    }

    /** Provider-managed users never sign in with a password: theirs is random and never shown. */
    private String unusablePassword() {
        return passwordEncoder.encode(Secrets.newToken(""));
    }
}
