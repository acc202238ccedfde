package io.auditflow.lifecycle;

import io.auditflow.common.AuditEvent;
import io.auditflow.program.ProgramService;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and records the milestones of programs' calendars. */
@Service
@Transactional
public class MilestoneService {

    private final MilestoneRepository milestones;
    private final Clock clock;
    private final ProgramService programs;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;

    MilestoneService(MilestoneRepository milestones, Clock clock, ProgramService programs,
                     ApplicationEventPublisher events, JdbcTemplate jdbc) {
        this.milestones = milestones;
        this.clock = clock;
        this.programs = programs;
        this.events = events;
        this.jdbc = jdbc;
    }

    /**
     * tlspeed (additive): {@link #ofProgram} for many programs in one query per 500 ids, by program id.
     * A program without milestones is absent from the map.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Milestone>> ofPrograms(java.util.Collection<Long> programIds) {
        Map<Long, List<Milestone>> byProgram = new HashMap<>();
        List<Long> ids = List.copyOf(programIds);
        for (List<Long> part : io.auditflow.common.InLists.parts(ids)) {
            for (Milestone m : milestones.findByProgramsInDateOrder(part)) {
                byProgram.computeIfAbsent(m.getProgramId(), k -> new java.util.ArrayList<>()).add(m);
            }
        }
        return byProgram;
    }

    /** Planned and actual milestones of a program, in date order. */
    @Transactional(readOnly = true)
    public List<Milestone> ofProgram(Long programId) {
        return milestones.findByProgramInDateOrder(programId);
    }

    @Transactional(readOnly = true)
    public List<Milestone> plannedBetween(LocalDate from, LocalDate to) {
        return milestones.findPlannedBetween(from, to);
    }

    @Transactional(readOnly = true)
    public Optional<Milestone> find(Long programId, MilestoneType type, int cycle) {
        return milestones.findByProgramIdAndTypeAndCycle(programId, type, cycle);
    }

    /** Creates the milestone or moves its planned date; a done milestone keeps its date. */
    public Milestone plan(Long programId, MilestoneType type, int cycle, LocalDate plannedDate) {
        programs.requireActive(programId); // issue 10: archived programs are read-only (409)
        Milestone m = milestones.findByProgramIdAndTypeAndCycle(programId, type, cycle)
                .orElseGet(() -> new Milestone(programId, type, cycle, plannedDate, clock.instant()));
        if (m.getStatus() != MilestoneStatus.DONE) {
            if (m.getId() == null || !plannedDate.equals(m.getPlannedDate())) {
                audit("MILESTONE_PLANNED", m, "planned " + plannedDate);
            }
            m.setPlannedDate(plannedDate);
        }
        m.setUpdatedAt(clock.instant());
        return milestones.save(m);
    }

    /**
     * Plans the milestone again for a new occurrence within the same cycle (the internal audit and
     * management review before each external audit): a done one becomes planned with the new date.
     */
    public Milestone replan(Long programId, MilestoneType type, int cycle, LocalDate plannedDate) {
        programs.requireActive(programId); // issue 10: archived programs are read-only (409)
        Milestone m = milestones.findByProgramIdAndTypeAndCycle(programId, type, cycle)
                .orElseGet(() -> new Milestone(programId, type, cycle, plannedDate, clock.instant()));
        audit("MILESTONE_PLANNED", m, "planned again " + plannedDate);
        m.setPlannedDate(plannedDate);
        m.setActualDate(null);
        m.setStatus(MilestoneStatus.PLANNED);
        m.setNote(null);
        m.setUpdatedAt(clock.instant());
        return milestones.save(m);
    }

    /** Writes what the planner computed: planned day, and for a done one its day and note; status and reason. */
    public Milestone apply(Long programId, PlannedMilestone p) {
        Milestone m = milestones.findByProgramIdAndTypeAndCycle(programId, p.type(), p.cycle())
                .orElseGet(() -> new Milestone(programId, p.type(), p.cycle(), p.date(), clock.instant()));
        return write(m, p) ? milestones.save(m) : m;
    }

    /**
     * Writes a whole plan as {@link #apply} writes each of its milestones, reading the program's
     * calendar once instead of once per milestone (a lifecycle start writes 10 to 30 of them), and
     * answers the program's calendar as it stands now, in {@link #ofProgram}'s order: the rows read
     * (changed ones included) and the new ones with the keys the database gave them (lifefast,
     * decision 0177: a lifecycle start no longer reads it back).
     */
    public List<Milestone> applyAll(Long programId, List<PlannedMilestone> plan) {
        List<Milestone> calendar = new ArrayList<>(hasMilestones(programId)
                ? milestones.findByProgramInDateOrder(programId) : List.of());
        Map<String, Milestone> existing = new HashMap<>();
        for (Milestone m : calendar) {
            existing.put(m.getType() + "/" + m.getCycle(), m);
        }
        List<Milestone> changed = new ArrayList<>();
        Map<String, Milestone> created = new LinkedHashMap<>();
        // The database keeps microseconds: the answer carries the instant as it is stored.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (PlannedMilestone p : plan) {
            String key = p.type() + "/" + p.cycle();
            Milestone m = existing.get(key);
            if (m == null) {
                m = created.computeIfAbsent(key, k -> new Milestone(programId, p.type(), p.cycle(), p.date(), now));
                write(m, p);
                m.setUpdatedAt(now);
            } else if (write(m, p)) {
                changed.add(m);
            }
        }
        if (!changed.isEmpty()) {
            milestones.saveAll(changed);
        }
        insert(created.values());
        calendar.addAll(created.values());
        calendar.sort(Milestone.DATE_ORDER);
        return calendar;
    }

    /**
     * Whether the program has any milestone row (lifefast, decision 0177): a first start finds none, and this
     * count costs a third of the entity query. Rows saved through JPA are in the database already (the
     * identity key makes Hibernate insert at once), so the count sees them.
     */
    private boolean hasMilestones(Long programId) {
        Integer count = jdbc.queryForObject("select count(*) from milestone where program_id = ?", Integer.class, programId);
        return count != null && count > 0;
    }

    private static final int[] INSERT_TYPES = {Types.BIGINT, Types.VARCHAR, Types.INTEGER, Types.DATE, Types.DATE,
            Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE};

    /**
     * New rows of a plan in one JDBC batch (lifespeed, decision 0162): the identity key makes Hibernate
     * insert them one statement at a time, which was a fifth of a lifecycle start. Nothing in this
     * transaction holds them yet; later JPA reads of the calendar find them in the database. Each row
     * takes the key the database gave it (lifefast, decision 0177), so the answer needs no read-back.
     */
    private void insert(Collection<Milestone> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Milestone> list = List.copyOf(rows);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.batchUpdate(con -> con.prepareStatement("insert into milestone (program_id, type, cycle, planned_date, "
                        + "actual_date, status, note, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)",
                Statement.RETURN_GENERATED_KEYS), new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Milestone m = list.get(i);
                        Object[] values = {m.getProgramId(), m.getType().name(), m.getCycle(), m.getPlannedDate(),
                                m.getActualDate(), m.getStatus().name(), m.getNote(),
                                OffsetDateTime.ofInstant(m.getUpdatedAt(), ZoneOffset.UTC)};
                        for (int c = 0; c < values.length; c++) {
                            StatementCreatorUtils.setParameterValue(ps, c + 1, INSERT_TYPES[c], values[c]);
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return list.size();
                    }
                }, keys);
        List<Map<String, Object>> generated = keys.getKeyList();
        if (generated.size() != list.size()) {
            throw new IllegalStateException("The database gave " + generated.size() + " keys for " + list.size()
                    + " new milestones of program " + list.get(0).getProgramId());
        }
        for (int i = 0; i < list.size(); i++) {
            list.get(i).assignId(idOf(generated.get(i)));
        }
    }

    /** The "id" of a generated-key row: H2 names it ID and gives only it, PostgreSQL gives every column. */
    private static Long idOf(Map<String, Object> row) {
        Object id = row.size() == 1 ? row.values().iterator().next() : row.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("id")).map(Map.Entry::getValue).findFirst().orElse(null);
        if (!(id instanceof Number n)) {
            throw new IllegalStateException("No generated milestone key in " + row.keySet());
        }
        return n.longValue();
    }

    /** The one rule of applying a planned milestone: a done milestone stays done unless the plan says done too. */
    private boolean write(Milestone m, PlannedMilestone p) {
        if (m.getStatus() == MilestoneStatus.DONE && p.status() != MilestoneStatus.DONE) {
            return false;
        }
        m.setPlannedDate(p.date());
        m.setActualDate(p.actual());
        m.setStatus(p.status());
        m.setNote(p.note());
        m.setUpdatedAt(clock.instant());
        return true;
    }

    /** Moves a milestone that has not happened to a new planned day, with the reason kept as its note. */
    public Milestone move(Long programId, MilestoneType type, int cycle, LocalDate plannedDate, String note) {
        Milestone m = milestones.findByProgramIdAndTypeAndCycle(programId, type, cycle).orElseThrow();
        if (m.getStatus() == MilestoneStatus.DONE) {
            return m;
        }
        m.setPlannedDate(plannedDate);
        m.setNote(note);
        m.setUpdatedAt(clock.instant());
        return milestones.save(m);
    }

    /** Records that the milestone happened on the given day. */
    public Milestone markDone(Long programId, MilestoneType type, int cycle, LocalDate actualDate) {
        Milestone m = milestones.findByProgramIdAndTypeAndCycle(programId, type, cycle)
                .orElseGet(() -> new Milestone(programId, type, cycle, actualDate, clock.instant()));
        audit("MILESTONE_DONE", m, "done " + actualDate);
        m.setActualDate(actualDate);
        m.setStatus(MilestoneStatus.DONE);
        m.setUpdatedAt(clock.instant());
        return milestones.save(m);
    }

    public Milestone setStatus(Long programId, MilestoneType type, int cycle, MilestoneStatus status, String note) {
        Milestone m = milestones.findByProgramIdAndTypeAndCycle(programId, type, cycle)
                .orElseGet(() -> new Milestone(programId, type, cycle, null, clock.instant()));
        if (m.getStatus() != status) {
            audit("MILESTONE_STATUS", m, m.getStatus() + " -> " + status);
        }
        m.setStatus(status);
        m.setNote(note);
        m.setUpdatedAt(clock.instant());
        return milestones.save(m);
    }

    private void audit(String action, Milestone m, String details) {
        events.publishEvent(new AuditEvent(action, "program " + m.getProgramId(),
                m.getType() + " cycle " + m.getCycle() + ": " + details));
    }
}
