package io.auditflow.lifecycle;

import io.auditflow.security.Roles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library of recurring control activities and their occurrences inside each observation window.
 * A Type II window plans one occurrence per period (due dates follow the schedule from the window
 * start, not the completion date); the process creates one task per occurrence. Its read methods
 * are also used in BPMN expressions ({@code ${controlActivityService.dueAt(occurrenceId)}}).
 */
@Service
@Transactional
public class ControlActivityService {

    public static final String PLANNED = "PLANNED";
    public static final String DONE = "DONE";
    public static final String MISSED = "MISSED";
    /** Due before tracking started (a window already running when the lifecycle started): shown, never overdue or escalated. */
    public static final String BEFORE_TRACKING = "BEFORE_TRACKING";

    /** One activity of the library. */
    public record ControlActivity(String code, String name, int frequencyMonths, String ownerTeam,
                                  String soc2Criteria, String isoControls, String formName) {
    }

    /** One planned occurrence of an activity in a program's window. */
    public record Occurrence(Long id, Long programId, String activityCode, String activityName, int cycle, int seq,
                             LocalDate opensOn, LocalDate dueOn, LocalDate doneOn, String result, String status) {
    }

    /** Expected versus done per activity and window (cycle). */
    public record ExpectedVersusDone(String activityCode, String activityName, int cycle, int expected, int done,
                                     int overdue, int beforeTracking) {
    }

    private final JdbcClient jdbc;
    private final ProcessDates dates;
    private final Clock clock;

    ControlActivityService(JdbcClient jdbc, ProcessDates dates, Clock clock) {
        this.jdbc = jdbc;
        this.dates = dates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ControlActivity> library() {
        return jdbc.sql("select code, name, frequency_months, owner_team, soc2_criteria, iso_controls, form_name "
                        + "from control_activity where active = true order by frequency_months, name")
                .query((rs, i) -> new ControlActivity(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** Plans the occurrences of every active activity in a window; planning twice changes nothing. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public List<Long> planWindow(Long programId, int cycle, LocalDate windowStart, LocalDate windowEnd) {
        return planWindow(programId, cycle, windowStart, windowEnd, null);
    }

    /**
     * Plans the occurrences of a window that tracking joined on {@code trackedFrom}: occurrences due
     * before that day are "before tracking" (no task, never overdue); the others get a task each.
     */
    @PreAuthorize(Roles.CAN_MANAGE)
    public List<Long> planWindow(Long programId, int cycle, LocalDate windowStart, LocalDate windowEnd, LocalDate trackedFrom) {
        for (ControlActivity a : library()) {
            for (Planner.Occurrence o : Planner.occurrences(windowStart, windowEnd, a.frequencyMonths())) {
                boolean exists = jdbc.sql("select count(*) from control_occurrence where program_id = ? and activity_code = ? "
                                + "and cycle = ? and seq = ?").params(programId, a.code(), cycle, o.seq())
                        .query(Long.class).single() > 0;
                if (!exists) {
                    jdbc.sql("insert into control_occurrence (program_id, activity_code, cycle, seq, opens_on, due_on, status) "
                                    + "values (?, ?, ?, ?, ?, ?, ?)")
                            .params(programId, a.code(), cycle, o.seq(), o.opensOn(), o.dueOn(),
                                    trackedFrom != null && o.dueOn().isBefore(trackedFrom) ? BEFORE_TRACKING : PLANNED).update();
                }
            }
        }
        return occurrenceIds(programId, cycle);
    }

    @Transactional(readOnly = true)
    public List<Long> occurrenceIds(Long programId, Integer cycle) {
        return jdbc.sql("select id from control_occurrence where program_id = ? and cycle = ? and status <> ? order by due_on, id")
                .params(programId, cycle, BEFORE_TRACKING).query(Long.class).list();
    }

    @Transactional(readOnly = true)
    public List<Occurrence> occurrences(Long programId) {
        return jdbc.sql(SELECT + " where o.program_id = ? order by o.cycle, o.due_on, a.name").param(programId)
                .query((rs, i) -> occurrence(rs)).list();
    }

    @Transactional(readOnly = true)
    public Occurrence occurrence(Long id) {
        return jdbc.sql(SELECT + " where o.id = ?").param(id).query((rs, i) -> occurrence(rs)).single();
    }

    // --- read-only lookups for BPMN expressions

    public Date opensAt(Long occurrenceId) {
        return dates.toDate(occurrence(occurrenceId).opensOn());
    }

    public Date dueAt(Long occurrenceId) {
        return dates.toDate(occurrence(occurrenceId).dueOn());
    }

    public String code(Long occurrenceId) {
        return occurrence(occurrenceId).activityCode();
    }

    public String taskName(Long occurrenceId) {
        Occurrence o = occurrence(occurrenceId);
        return o.activityName() + " (" + o.opensOn() + " to " + o.dueOn() + ")";
    }

    /** The form name (without the {@code auditflow:} prefix the BPMN adds). */
    public String formName(Long occurrenceId) {
        String code = occurrence(occurrenceId).activityCode();
        return jdbc.sql("select form_name from control_activity where code = ?").param(code)
                .query(String.class).single();
    }

    /** Records the evidence of one occurrence (from the completed task). */
    @PreAuthorize(Roles.CAN_WORK)
    public void recordDone(Long occurrenceId, LocalDate performedOn, String result) {
        jdbc.sql("update control_occurrence set done_on = ?, result = ?, status = ? where id = ?")
                .params(performedOn, result, DONE, occurrenceId).update();
    }

    /** At the end of a window every occurrence without evidence counts as missed. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public int closeWindow(Long programId, int cycle) {
        return jdbc.sql("update control_occurrence set status = ? where program_id = ? and cycle = ? and status = ?")
                .params(MISSED, programId, cycle, PLANNED).update();
    }

    /** Per activity and window: how many occurrences are planned, done, and past due without evidence. */
    @Transactional(readOnly = true)
    public List<ExpectedVersusDone> expectedVersusDone(Long programId) {
        LocalDate today = LocalDate.now(clock);
        List<ExpectedVersusDone> out = new ArrayList<>();
        jdbc.sql("select o.activity_code, a.name, o.cycle, count(*), "
                        + "sum(case when o.status = 'DONE' then 1 else 0 end), "
                        + "sum(case when o.status in ('PLANNED', 'MISSED') and o.due_on < ? then 1 else 0 end), "
                        + "sum(case when o.status = 'BEFORE_TRACKING' then 1 else 0 end) "
                        + "from control_occurrence o join control_activity a on a.code = o.activity_code "
                        + "where o.program_id = ? group by o.activity_code, a.name, o.cycle order by o.cycle, a.name")
                .params(today, programId)
                .query(rs -> {
                    out.add(new ExpectedVersusDone(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6), rs.getInt(7)));
                });
        return out;
    }

    /**
     * dash (additive, issue 14): the occurrences of many programs due between two days (inclusive), one query per
     * {@link io.auditflow.common.InLists#MAX} programs, for the dashboard's trends (instead of every occurrence of
     * every program, one query each).
     */
    @Transactional(readOnly = true)
    public List<Occurrence> occurrencesDueBetween(java.util.Collection<Long> programIds, LocalDate from, LocalDate to) {
        List<Occurrence> out = new ArrayList<>();
        for (List<Long> part : io.auditflow.common.InLists.parts(List.copyOf(programIds))) {
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            List<Object> params = new ArrayList<>(part);
            params.add(from);
            params.add(to);
            out.addAll(jdbc.sql(SELECT + " where o.program_id in (" + marks + ") and o.due_on between ? and ?"
                    + " order by o.program_id, o.cycle, o.due_on, a.name").params(params).query((rs, i) -> occurrence(rs)).list());
        }
        return out;
    }

    private static final String SELECT = "select o.id, o.program_id, o.activity_code, a.name, o.cycle, o.seq, o.opens_on, "
            + "o.due_on, o.done_on, o.result, o.status from control_occurrence o "
            + "join control_activity a on a.code = o.activity_code";

    private static Occurrence occurrence(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Occurrence(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                rs.getString(10), rs.getString(11));
    }
}
