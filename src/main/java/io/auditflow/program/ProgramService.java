package io.auditflow.program;

import io.auditflow.common.AuditEvent;
import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.Labels;
import io.auditflow.common.Text;
import io.auditflow.common.Validation;
import io.auditflow.identity.TeamSummary;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.security.Roles;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and archives audit programs. Every rule of the program form is checked here,
 * so the UI and the API refuse the same input with the same message.
 */
@Service
@Transactional
public class ProgramService {

    public static final int MAX_NAME = 200;
    public static final int MAX_SCOPE = 4000;
    public static final Set<String> ISO_EDITIONS = Set.of("2022", "2013");

    private final ProgramRepository programs;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcTemplate jdbc;

    ProgramService(ProgramRepository programs, UserService users, ApplicationEventPublisher events, Clock clock,
                   JdbcTemplate jdbc) {
        this.programs = programs;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Program> list(boolean includeArchived) {
        Map<Long, Optional<UserSummary>> owners = new HashMap<>();
        Map<Long, Optional<TeamSummary>> teams = new HashMap<>();
        return programs.findAllByOrderByNameAsc().stream()
                .filter(p -> includeArchived || !p.isArchived())
                .map(p -> toProgram(p, owners.computeIfAbsent(p.getOwnerId(), users::findUserById),
                        teams.computeIfAbsent(p.getTeamId(), users::findTeamById)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Program> find(Long id) {
        return id == null ? Optional.empty() : programs.findById(id).map(this::toProgram);
    }

    /**
     * The names of the programs with these ids, archived ones too, in one query (a page of audit-trail rows
     * names its programs so); an id no program has (any more) is missing from the answer.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> names(java.util.Collection<Long> ids) {
        List<Long> wanted = ids == null ? List.of() : ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> names = new HashMap<>();
        jdbc.query("select id, name from audit_program where id in (" + String.join(",", java.util.Collections.nCopies(wanted.size(), "?"))
                + ")", rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                }, wanted.toArray());
        return names;
    }

    /** The ids of the programs (archived ones too) whose name contains this text, case ignored; at most {@code max}. */
    @Transactional(readOnly = true)
    public List<Long> idsNamed(String part, int max) {
        if (part == null || part.isBlank()) {
            return List.of();
        }
        return jdbc.queryForList("select id from audit_program where lower(name) like ? escape '\\' order by id limit ?",
                Long.class, new io.auditflow.search.SearchQuery(part).likePattern(), Math.max(1, max));
    }

    /** What a lifecycle start reads of a program: framework, criteria, team code and whether it is archived. */
    public record StartFacts(Long id, Framework framework, Set<TrustCategory> criteria, String team, boolean archived) {
    }

    /**
     * The program's {@link StartFacts}, without reading its owner's account and teams (lifespeed, decision
     * 0162: that read was most of {@link #find}'s cost in a lifecycle start). One SQL query for the program,
     * its team's code and its criteria (lifefast, decision 0177: the entity, its eager criteria and the team
     * entity with its members were three to four queries and a fifth of the start's own cost).
     */
    @Transactional(readOnly = true)
    public Optional<StartFacts> startFacts(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        programs.flush(); // SQL reads what this transaction changed through JPA too, as the entity read did
        record Row(Framework framework, boolean archived, String team, String category) {
        }
        List<Row> rows = jdbc.query("select p.framework, p.archived, t.code, c.category from audit_program p "
                        + "left join team t on t.id = p.team_id "
                        + "left join audit_program_criteria c on c.program_id = p.id where p.id = ?",
                (rs, n) -> new Row(Framework.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getString(3), rs.getString(4)),
                id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<TrustCategory> criteria = EnumSet.noneOf(TrustCategory.class);
        rows.stream().filter(r -> r.category() != null).forEach(r -> criteria.add(TrustCategory.valueOf(r.category())));
        Row first = rows.get(0);
        return Optional.of(new StartFacts(id, first.framework(), criteria, first.team(), first.archived()));
    }

    @Transactional(readOnly = true)
    public Program get(Long id) {
        return find(id).orElseThrow(() -> new NotFoundException("No program with id " + id));
    }

    /**
     * The one rule for archived programs: they are read-only until a manager restores them. Every
     * write on a program's tasks, evidence and milestones calls this first (409 with the reason).
     */
    @Transactional(readOnly = true)
    public void requireActive(Long programId) {
        if (programId == null) {
            return;
        }
        programs.findById(programId).filter(AuditProgram::isArchived).ifPresent(p -> {
            throw new ConflictException("'" + p.getName() + "' is archived and read-only; a manager can restore it"
                    + " on the program page");
        });
    }

    @PreAuthorize(Roles.CAN_MANAGE)
    public Program create(ProgramRequest request) {
        AuditProgram program = new AuditProgram(clock.instant());
        apply(program, request);
        programs.saveAndFlush(program);
        events.publishEvent(new ProgramChanged(program.getId()));
        events.publishEvent(new AuditEvent("PROGRAM_CREATED", "program " + program.getId(), "'" + program.getName() + "'"));
        return toProgram(program);
    }

    @PreAuthorize(Roles.CAN_MANAGE)
    public Program update(Long id, ProgramRequest request) {
        AuditProgram program = programs.findById(id).orElseThrow(() -> new NotFoundException("No program with id " + id));
        requireActive(id);
        apply(program, request);
        program.setUpdatedAt(clock.instant());
        programs.saveAndFlush(program);
        events.publishEvent(new ProgramChanged(program.getId()));
        events.publishEvent(new AuditEvent("PROGRAM_UPDATED", "program " + program.getId(), "'" + program.getName() + "'"));
        return toProgram(program);
    }

    @PreAuthorize(Roles.CAN_MANAGE)
    public Program setArchived(Long id, boolean archived) {
        AuditProgram program = programs.findById(id).orElseThrow(() -> new NotFoundException("No program with id " + id));
        program.setArchived(archived);
        program.setUpdatedAt(clock.instant());
        events.publishEvent(new ProgramChanged(program.getId()));
        events.publishEvent(new AuditEvent(archived ? "PROGRAM_ARCHIVED" : "PROGRAM_RESTORED", "program " + program.getId(),
                "'" + program.getName() + "'"));
        return toProgram(program);
    }

    private void apply(AuditProgram program, ProgramRequest r) {
        Validation v = new Validation();
        String name = Text.singleLine(r.name(), "name", "The name", v);
        String scope = Text.multiLine(r.scope(), "scope", "The scope", v);
        v.check(!name.isEmpty(), "name", "Give the program a name");
        v.check(name.length() <= MAX_NAME, "name", "Keep the name under " + MAX_NAME + " characters");
        if (!name.isEmpty()) {
            programs.findByNameKey(AuditProgram.key(name))
                    .filter(other -> !other.getId().equals(program.getId()))
                    .ifPresent(other -> v.check(false, "name", "Another program is already called '" + other.getName() + "'"));
        }
        v.check(r.framework() != null, "framework", "Choose a framework: " + choices(Framework.values()));
        Set<TrustCategory> criteria = r.criteria() == null || r.criteria().isEmpty()
                ? EnumSet.noneOf(TrustCategory.class) : EnumSet.copyOf(r.criteria());
        if (r.framework() != null && r.framework().isSoc2()) {
            v.check(criteria.contains(TrustCategory.SECURITY), "criteria",
                    "SOC 2 always covers " + Labels.english(TrustCategory.SECURITY) + " (SECURITY, the common criteria): include it");
        }
        if (r.framework() == Framework.ISO27001) {
            v.check(criteria.isEmpty(), "criteria", "Trust Services Criteria apply to SOC 2 only");
        }
        String edition = null;
        if (r.framework() == Framework.ISO27001) {
            edition = r.isoEdition() == null || r.isoEdition().isBlank() ? "2022" : r.isoEdition().trim();
            v.check(ISO_EDITIONS.contains(edition), "isoEdition", "Use edition 2022 or 2013");
        }
        v.check(scope.length() <= MAX_SCOPE, "scope",
                "Keep the scope under " + MAX_SCOPE + " characters");
        Optional<UserSummary> owner = users.findUser(r.owner());
        v.check(r.owner() != null && !r.owner().isBlank(), "owner", "Choose the program owner");
        if (r.owner() != null && !r.owner().isBlank()) {
            v.check(owner.isPresent() && owner.get().enabled(), "owner", "No active user '" + r.owner() + "'");
        }
        Optional<TeamSummary> team = users.findTeam(r.team());
        v.check(r.team() != null && !r.team().isBlank(), "team", "Choose the team that does the work");
        if (r.team() != null && !r.team().isBlank()) {
            v.check(team.isPresent(), "team", "No team '" + r.team() + "'");
        }
        v.throwIfInvalid();

        program.setName(name);
        program.setFramework(r.framework());
        program.setCriteria(criteria);
        program.setScope(scope.isEmpty() ? null : scope);
        program.setIsoEdition(edition);
        program.setOwnerId(owner.get().id());
        program.setTeamId(team.get().id());
    }

    private Program toProgram(AuditProgram p) {
        return toProgram(p, users.findUserById(p.getOwnerId()), users.findTeamById(p.getTeamId()));
    }

    private static Program toProgram(AuditProgram p, Optional<UserSummary> owner, Optional<TeamSummary> team) {
        return new Program(p.getId(), p.getName(), p.getFramework(), p.getCriteria(), p.getScope(), p.getIsoEdition(),
                owner.map(UserSummary::username).orElse(null), owner.map(UserSummary::displayName).orElse(null),
                team.map(TeamSummary::code).orElse(null), team.map(TeamSummary::name).orElse(null),
                p.isArchived(), p.getCreatedAt(), p.getUpdatedAt());
    }

    /** "SOC 2 Type I (SOC2_TYPE1), SOC 2 Type II (SOC2_TYPE2) or ISO/IEC 27001 (ISO27001)": words for people, codes for the API. */
    static String choices(Enum<?>... values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : i == values.length - 1 ? " or " : ", ")
                    .append(Labels.english(values[i])).append(" (").append(values[i].name()).append(')');
        }
        return text.toString();
    }
}
