package io.auditflow.lifecycle;

import io.auditflow.common.NotFoundException;
import io.auditflow.security.Roles;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings (SOC 2 exceptions, nonconformities, observations) and their corrective actions. Raising a
 * finding starts {@code correctiveActionProcess} by its start message; deadlines per kind come from
 * {@code auditflow.lifecycle.findings.*}.
 */
@Service
@Transactional
public class FindingService {

    public static final String OPEN = "OPEN";
    public static final String PLAN_AGREED = "PLAN_AGREED";
    public static final String CLOSED = "CLOSED";
    public static final String START_MESSAGE = "FindingRaised";

    /** A finding as dashboards and the timeline see it. */
    public record FindingView(Long id, Long programId, FindingKind kind, String title, int cycle, String status,
                              boolean overdue, LocalDate raisedOn, LocalDate dueDate, LocalDate closedOn) {
    }

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final LifecycleProperties settings;
    private final Clock clock;

    FindingService(JdbcClient jdbc, RuntimeService runtime, LifecycleProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records a finding and starts its corrective action process. */
    @PreAuthorize(Roles.CAN_WORK)
    public FindingView raise(Long programId, String teamCode, int cycle, FindingKind kind, String title, String source) {
        LocalDate today = LocalDate.now(clock);
        LocalDate planDue = today.plusDays(settings.findings().planDaysFor(kind));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into finding (program_id, kind, title, cycle, source, status, overdue, raised_on, plan_due, "
                        + "due_date, created_at) values (?, ?, ?, ?, ?, ?, false, ?, ?, ?, ?)")
                .params(programId, kind.name(), title, cycle, source, OPEN, today, planDue, planDue,
                        java.sql.Timestamp.from(clock.instant()))
                .update(keys, "id");
        Long id = keys.getKey().longValue();
        Map<String, Object> vars = new HashMap<>();
        vars.put("programId", programId);
        vars.put("teamCode", teamCode);
        vars.put("cycle", cycle);
        vars.put("findingId", id);
        vars.put("findingKind", kind.name());
        vars.put("findingTitle", title);
        runtime.startProcessInstanceByMessage(START_MESSAGE, LifecycleService.businessKey(programId), vars);
        return get(id);
    }

    @Transactional(readOnly = true)
    public FindingView get(Long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, i) -> view(rs)).optional()
                .orElseThrow(() -> new NotFoundException("No finding " + id));
    }

    /** Every finding not closed yet, oldest deadline first. */
    @Transactional(readOnly = true)
    public List<FindingView> openFindings() {
        return jdbc.sql(SELECT + " where status <> 'CLOSED' order by due_date, id").query((rs, i) -> view(rs)).list();
    }

    @Transactional(readOnly = true)
    public List<FindingView> findingsOf(Long programId) {
        return jdbc.sql(SELECT + " where program_id = ? order by raised_on desc, id desc").param(programId)
                .query((rs, i) -> view(rs)).list();
    }

    @Transactional(readOnly = true)
    public Map<FindingKind, Long> openCountsByKind() {
        Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
        for (FindingKind k : FindingKind.values()) {
            counts.put(k, 0L);
        }
        jdbc.sql("select kind, count(*) from finding where status <> 'CLOSED' group by kind")
                .query(rs -> {
                    counts.put(FindingKind.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    @Transactional(readOnly = true)
    public long openCount(Long programId, FindingKind kind) {
        return jdbc.sql("select count(*) from finding where program_id = ? and kind = ? and status <> 'CLOSED'")
                .params(programId, kind.name()).query(Long.class).single();
    }

    @PreAuthorize(Roles.CAN_WORK)
    public void markOverdue(Long id) {
        jdbc.sql("update finding set overdue = true where id = ?").param(id).update();
    }

    @PreAuthorize(Roles.CAN_WORK)
    public void planAgreed(Long id, LocalDate implementationDue) {
        jdbc.sql("update finding set status = ?, due_date = ?, overdue = false where id = ?")
                .params(PLAN_AGREED, implementationDue, id).update();
    }

    @PreAuthorize(Roles.CAN_WORK)
    public void close(Long id, LocalDate closedOn) {
        jdbc.sql("update finding set status = ?, closed_on = ? where id = ?").params(CLOSED, closedOn, id).update();
    }

    private static final String SELECT = "select id, program_id, kind, title, cycle, status, overdue, raised_on, due_date, "
            + "closed_on from finding";

    private static FindingView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FindingView(rs.getLong(1), rs.getLong(2), FindingKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getInt(5), rs.getString(6), rs.getBoolean(7), rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class));
    }
}
