package io.auditflow.control;

import io.auditflow.common.ConflictException;
import io.auditflow.common.NotFoundException;
import io.auditflow.common.Validation;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.CurrentUser;
import io.auditflow.security.Roles;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Coordinated audits: a SOC 2 Type II and an ISO program share scope when the same team owns them
 * or a manager links them. For such a pair the planner proposes SOC 2 fieldwork starting on the
 * Monday of the week of the ISO surveillance or recertification audit nearest to the planned
 * fieldwork (within a set number of days), so one audit firm does both in the same weeks; accepting
 * moves the fieldwork through {@link LifecycleService#rescheduleMilestone}, whose checks apply.
 */
@Service
@Transactional
public class JointPlanning {

    public enum Status { PROPOSED, ACCEPTED, DECLINED }

    /** A SOC 2 and an ISO program over the same scope. */
    public record Pair(Long soc2ProgramId, String soc2Name, Long isoProgramId, String isoName, boolean linked) {
    }

    public record Proposal(Long id, Long soc2ProgramId, String soc2Name, Long isoProgramId, String isoName,
                           MilestoneType isoMilestone, int isoCycle, LocalDate isoAuditDate, int soc2Cycle,
                           LocalDate currentFieldwork, LocalDate proposedFieldwork, Status status, String decidedBy,
                           Instant decidedAt) {
    }

    private final JdbcClient jdbc;
    private final ProgramService programs;
    private final ProgramCalendar calendar;
    private final LifecycleService lifecycles;
    private final ControlProperties settings;
    private final Clock clock;

    JointPlanning(JdbcClient jdbc, ProgramService programs, ProgramCalendar calendar, LifecycleService lifecycles,
                  ControlProperties settings, Clock clock) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.programs = programs;
        this.calendar = calendar;
        this.lifecycles = lifecycles;
        this.clock = clock;
    }

    /** The aligned fieldwork start: the Monday of the ISO audit's week. */
    public static LocalDate alignedFieldworkStart(LocalDate isoAudit) {
        return isoAudit.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * The joint audit's window: the week of the ISO audit, Monday to Sunday, in which the aligned SOC 2
     * fieldwork starts (both days included). The timeline draws it on both programs' lanes.
     */
    public static LocalDate[] jointWeek(LocalDate isoAudit) {
        LocalDate monday = alignedFieldworkStart(isoAudit);
        return new LocalDate[] {monday, monday.plusDays(6)};
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ControlService.CAN_SEE_PROGRAMS)
    public List<Pair> pairs() {
        List<Program> live = programs.list(false);
        List<Pair> out = new ArrayList<>();
        for (Program s : live) {
            if (s.framework() != Framework.SOC2_TYPE2) {
                continue;
            }
            for (Program i : live) {
                if (i.framework() != Framework.ISO27001) {
                    continue;
                }
                boolean linked = linked(s.id(), i.id());
                if (linked || s.team().equals(i.team())) {
                    out.add(new Pair(s.id(), s.name(), i.id(), i.name(), linked));
                }
            }
        }
        return out;
    }

    /** A manager links a SOC 2 Type II and an ISO program run by different teams over the same scope. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public Pair link(Long soc2ProgramId, Long isoProgramId) {
        Program s = program(soc2ProgramId);
        Program i = program(isoProgramId);
        Validation v = new Validation();
        v.check(s.framework() == Framework.SOC2_TYPE2, "soc2ProgramId", s.name() + " is not a SOC 2 Type II program");
        v.check(i.framework() == Framework.ISO27001, "isoProgramId", i.name() + " is not an ISO/IEC 27001 program");
        v.throwIfInvalid();
        if (!linked(s.id(), i.id())) {
            jdbc.sql("insert into program_link (soc2_program_id, iso_program_id, linked_by) values (?, ?, ?)")
                    .params(s.id(), i.id(), CurrentUser.require()).update();
        }
        return new Pair(s.id(), s.name(), i.id(), i.name(), true);
    }

    /**
     * Proposes aligned dates for a pair, or returns the open proposal it already has. Refused when
     * the ISO program has no coming surveillance or recertification audit, the SOC 2 program no
     * coming fieldwork, or both already fall in the same week.
     */
    @PreAuthorize(Roles.CAN_MANAGE)
    public Proposal propose(Long soc2ProgramId, Long isoProgramId) {
        Program s = program(soc2ProgramId);
        Program i = program(isoProgramId);
        if (pairs().stream().noneMatch(p -> p.soc2ProgramId().equals(s.id()) && p.isoProgramId().equals(i.id()))) {
            throw new ConflictException(s.name() + " and " + i.name() + " do not share a team; link them first");
        }
        Optional<Proposal> open = list().stream().filter(p -> p.status() == Status.PROPOSED
                && p.soc2ProgramId().equals(s.id()) && p.isoProgramId().equals(i.id())).findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        ProgramCalendar.Planned fieldwork = calendar.nextFieldwork(s.id()).orElseThrow(() -> new ConflictException(
                s.name() + " has no fieldwork planned ahead"));
        List<ProgramCalendar.Planned> audits = calendar.isoAuditsAhead(i.id());
        if (audits.isEmpty()) {
            throw new ConflictException(i.name() + " has no surveillance or recertification audit planned ahead");
        }
        ProgramCalendar.Planned audit = audits.stream().min(java.util.Comparator.comparing(
                a -> Math.abs(java.time.temporal.ChronoUnit.DAYS.between(fieldwork.date(), a.date())))).orElseThrow();
        long shift = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(fieldwork.date(), alignedFieldworkStart(audit.date())));
        if (shift > settings.jointMaxShiftDays()) {
            throw new ConflictException("The nearest ISO audit (" + audit.type().label() + " on " + audit.date() + ") is " + shift
                    + " days from the fieldwork on " + fieldwork.date() + "; proposals move fieldwork by at most "
                    + settings.jointMaxShiftDays() + " days");
        }
        LocalDate proposed = alignedFieldworkStart(audit.date());
        if (alignedFieldworkStart(fieldwork.date()).equals(proposed)) {
            throw new ConflictException("Fieldwork on " + fieldwork.date() + " is already in the week of the "
                    + audit.type().label().toLowerCase(java.util.Locale.ROOT) + " on " + audit.date());
        }
        jdbc.sql("insert into joint_plan_proposal (soc2_program_id, iso_program_id, iso_milestone, iso_cycle, iso_audit_date, soc2_cycle,"
                        + " current_fieldwork, proposed_fieldwork, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'PROPOSED', ?)")
                .params(s.id(), i.id(), audit.type().name(), audit.cycle(), audit.date(), fieldwork.cycle(), fieldwork.date(),
                        proposed, Timestamp.from(clock.instant()))
                .update();
        return list().stream().filter(p -> p.status() == Status.PROPOSED && p.soc2ProgramId().equals(s.id())
                && p.isoProgramId().equals(i.id())).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(ControlService.CAN_SEE_PROGRAMS)
    public List<Proposal> list() {
        return jdbc.sql("select j.id, j.soc2_program_id, s.name, j.iso_program_id, i.name, j.iso_milestone, j.iso_cycle, j.iso_audit_date,"
                        + " j.soc2_cycle, j.current_fieldwork, j.proposed_fieldwork, j.status, j.decided_by, j.decided_at"
                        + " from joint_plan_proposal j join audit_program s on s.id = j.soc2_program_id"
                        + " join audit_program i on i.id = j.iso_program_id order by j.created_at desc, j.id desc")
                .query((rs, n) -> new Proposal(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        MilestoneType.valueOf(rs.getString(6)), rs.getInt(7), rs.getObject(8, LocalDate.class), rs.getInt(9),
                        rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), Status.valueOf(rs.getString(12)),
                        rs.getString(13), rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant()))
                .list();
    }

    /**
     * The program paired with this one by an accepted joint-planning proposal, if any (the newest).
     * Only ids leave here, so other features (a joint engagement's request list) may ask without a role.
     */
    @Transactional(readOnly = true)
    public Optional<Long> acceptedPartner(Long programId) {
        return jdbc.sql("select case when soc2_program_id = :p then iso_program_id else soc2_program_id end from joint_plan_proposal"
                        + " where status = 'ACCEPTED' and (soc2_program_id = :p or iso_program_id = :p) order by decided_at desc, id desc")
                .param("p", programId).query(Long.class).list().stream().findFirst();
    }

    /** Accepting moves the SOC 2 fieldwork through the lifecycle's reschedule path (its checks apply). */
    @PreAuthorize(Roles.CAN_MANAGE)
    public Proposal accept(Long proposalId) {
        Proposal p = open(proposalId);
        lifecycles.rescheduleMilestone(p.soc2ProgramId(), MilestoneType.FIELDWORK_START, p.soc2Cycle(), p.proposedFieldwork());
        return decide(p, Status.ACCEPTED);
    }

    @PreAuthorize(Roles.CAN_MANAGE)
    public Proposal decline(Long proposalId) {
        return decide(open(proposalId), Status.DECLINED);
    }

    private Proposal open(Long id) {
        Proposal p = list().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("No joint-planning proposal " + id));
        if (p.status() != Status.PROPOSED) {
            throw new ConflictException("This proposal was " + p.status().name().toLowerCase(java.util.Locale.ROOT) + " already");
        }
        return p;
    }

    private Proposal decide(Proposal p, Status status) {
        jdbc.sql("update joint_plan_proposal set status = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(status.name(), CurrentUser.require(), Timestamp.from(clock.instant()), p.id()).update();
        return list().stream().filter(x -> x.id().equals(p.id())).findFirst().orElseThrow();
    }

    private boolean linked(Long soc2, Long iso) {
        return jdbc.sql("select count(*) from program_link where soc2_program_id = ? and iso_program_id = ?").params(soc2, iso)
                .query(Long.class).single() > 0;
    }

    private Program program(Long id) {
        return programs.find(id).orElseThrow(() -> new NotFoundException("No program " + id));
    }
}
