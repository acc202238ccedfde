package io.auditflow.timeline;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.ProgramRequest;
import io.auditflow.program.ProgramService;
import io.auditflow.program.TrustCategory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A large portfolio for benchmarks and the 200-program browser test: half SOC 2 Type II (yearly
 * windows), half ISO 27001 (two certificate cycles, yearly internal audits and reviews), spread over
 * six years around today, owners and teams alternating. Every tenth program has a missed milestone
 * and every seventh an at-risk one. Milestones are inserted in one batch.
 */
public final class Portfolio {

    private Portfolio() {
    }

    /** Seeds {@code count} programs named {@code prefix + " #" + i}; returns how many milestones were added. */
    public static int seed(ProgramService programs, JdbcTemplate jdbc, LocalDate today, int count, String prefix) {
        List<Object[]> rows = new ArrayList<>();
        SystemAuthentication.run(() -> {
            for (int i = 0; i < count; i++) {
                boolean iso = i % 2 == 1;
                Long id = programs.create(new ProgramRequest(prefix + " #" + i,
                        iso ? Framework.ISO27001 : Framework.SOC2_TYPE2,
                        iso ? EnumSet.noneOf(TrustCategory.class) : EnumSet.of(TrustCategory.SECURITY),
                        null, iso ? "2022" : null, i % 3 == 0 ? "member" : "manager", i % 4 < 2 ? "grc" : "platform")).id();
                LocalDate start = today.minusYears(2).plusDays(i % 90);
                List<Object[]> mine = new ArrayList<>();
                if (iso) {
                    for (int c = 1; c <= 2; c++) {
                        LocalDate decision = start.plusYears(3L * (c - 1));
                        add(mine, id, MilestoneType.STAGE1_AUDIT, c, decision.minusWeeks(10), today);
                        add(mine, id, MilestoneType.STAGE2_AUDIT, c, decision.minusWeeks(4), today);
                        add(mine, id, MilestoneType.CERTIFICATION_DECISION, c, decision, today);
                        add(mine, id, MilestoneType.SURVEILLANCE_AUDIT_1, c, decision.plusMonths(11), today);
                        add(mine, id, MilestoneType.SURVEILLANCE_AUDIT_2, c, decision.plusMonths(23), today);
                        add(mine, id, MilestoneType.RECERTIFICATION_AUDIT, c, decision.plusMonths(33), today);
                        add(mine, id, MilestoneType.CERTIFICATE_EXPIRY, c, decision.plusYears(3).minusDays(1), today);
                    }
                    for (int y = 0; y < 6; y++) {
                        add(mine, id, MilestoneType.INTERNAL_AUDIT, y + 1, start.plusYears(y).plusMonths(9), today);
                        add(mine, id, MilestoneType.MANAGEMENT_REVIEW, y + 1, start.plusYears(y).plusMonths(9).plusDays(12), today);
                    }
                } else {
                    for (int c = 1; c <= 6; c++) {
                        LocalDate ws = start.plusYears(c - 1L);
                        LocalDate we = ws.plusYears(1).minusDays(1);
                        add(mine, id, MilestoneType.OBSERVATION_START, c, ws, today);
                        add(mine, id, MilestoneType.OBSERVATION_END, c, we, today);
                        add(mine, id, MilestoneType.FIELDWORK_START, c, we.minusMonths(2), today);
                        add(mine, id, MilestoneType.FIELDWORK_END, c, we.plusWeeks(3), today);
                        add(mine, id, MilestoneType.REPORT_ISSUED, c, we.plusMonths(2), today);
                        add(mine, id, MilestoneType.BRIDGE_LETTER, c, we.plusMonths(1).plusDays(3), today);
                        add(mine, id, MilestoneType.REPORT_STALE, c, we.plusMonths(12), today);
                    }
                }
                if (i % 10 == 0) {
                    mark(mine, today, MilestoneStatus.MISSED, true);
                } else if (i % 7 == 0) {
                    mark(mine, today, MilestoneStatus.AT_RISK, false);
                }
                rows.addAll(mine);
            }
        });
        jdbc.batchUpdate("insert into milestone (program_id, type, cycle, planned_date, actual_date, status, note, "
                + "updated_at, version) values (?, ?, ?, ?, ?, ?, null, ?, 0)", rows);
        return rows.size();
    }

    private static void mark(List<Object[]> rows, LocalDate today, MilestoneStatus status, boolean past) {
        for (Object[] r : rows) {
            LocalDate d = ((Date) r[3]).toLocalDate();
            MilestoneType t = MilestoneType.valueOf((String) r[1]);
            if (t.isExternalAudit() && (past ? d.isBefore(today) && d.isAfter(today.minusMonths(8))
                    : d.isAfter(today) && d.isBefore(today.plusMonths(5)))) {
                r[4] = null;
                r[5] = status.name();
                return;
            }
        }
    }

    private static void add(List<Object[]> rows, Long id, MilestoneType type, int cycle, LocalDate date, LocalDate today) {
        boolean past = date.isBefore(today);
        rows.add(new Object[] {id, type.name(), cycle, Date.valueOf(date), past ? Date.valueOf(date) : null,
                (past ? MilestoneStatus.DONE : MilestoneStatus.PLANNED).name(), Timestamp.valueOf("2026-01-01 00:00:00")});
    }
}
