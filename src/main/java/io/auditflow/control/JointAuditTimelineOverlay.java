package io.auditflow.control;

import io.auditflow.security.CurrentUser;
import io.auditflow.security.Role;
import io.auditflow.timeline.TimelineOverlay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint audits on the executive timeline: every proposed or accepted joint-planning proposal is a bar
 * on both programs' lanes over the week of the ISO audit ({@link JointPlanning#jointWeek}), dashed
 * while proposed and solid once accepted. Declined proposals are not drawn. Joint planning is not an
 * auditor's business (their scope is an engagement), so an auditor gets no bars.
 */
@Component
class JointAuditTimelineOverlay implements TimelineOverlay {

    /** The roles that read joint-planning proposals ({@link ControlService#CAN_SEE_PROGRAMS}). */
    private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.COMPLIANCE_MANAGER, Role.COMPLIANCE_MEMBER,
            Role.EXECUTIVE);

    private final JdbcClient jdbc;

    JointAuditTimelineOverlay(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OverlayBar> bars(List<Long> programIds, LocalDate from, LocalDate to) {
        if (programIds.isEmpty() || CurrentUser.roles().stream().noneMatch(READERS::contains)) {
            return List.of();
        }
        // the week lies within 6 days of the audit date: widen the query by a week, filter exactly below
        List<Row> rows = jdbc.sql("select j.id, j.soc2_program_id, s.name, j.iso_program_id, p.name, j.iso_audit_date, j.status"
                        + " from joint_plan_proposal j join audit_program s on s.id = j.soc2_program_id"
                        + " join audit_program p on p.id = j.iso_program_id"
                        + " where j.status in ('PROPOSED', 'ACCEPTED') and (j.soc2_program_id in (:ids) or j.iso_program_id in (:ids))"
                        + " and j.iso_audit_date >= :from and j.iso_audit_date <= :to order by j.iso_audit_date, j.id")
                .param("ids", programIds).param("from", from.minusDays(7)).param("to", to.plusDays(7))
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getObject(6, LocalDate.class), JointPlanning.Status.valueOf(rs.getString(7))))
                .list();
        List<OverlayBar> bars = new ArrayList<>();
        for (Row r : rows) {
            LocalDate[] week = JointPlanning.jointWeek(r.isoAudit());
            if (week[1].isBefore(from) || week[0].isAfter(to)) {
                continue;
            }
            String state = r.status() == JointPlanning.Status.ACCEPTED ? "accepted" : "proposed";
            String dates = week[0] + " – " + week[1];
            if (programIds.contains(r.soc2Id())) {
                bars.add(bar(r.soc2Id(), week, r.isoName(), dates, state));
            }
            if (programIds.contains(r.isoId())) {
                bars.add(bar(r.isoId(), week, r.soc2Name(), dates, state));
            }
        }
        return bars;
    }

    private static OverlayBar bar(Long programId, LocalDate[] week, String other, String dates, String state) {
        return new OverlayBar(programId, week[0], week[1], "Joint audit",
                "Joint audit with " + other + ": " + dates + " (" + state + ")", "joint-" + state);
    }

    private record Row(Long id, Long soc2Id, String soc2Name, Long isoId, String isoName, LocalDate isoAudit,
                       JointPlanning.Status status) {
    }
}
