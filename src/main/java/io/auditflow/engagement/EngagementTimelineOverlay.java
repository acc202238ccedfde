package io.auditflow.engagement;

import io.auditflow.timeline.TimelineOverlay;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Engagements on the executive timeline: each engagement's fieldwork period is a bar on its program's
 * lane. The timeline hands over the programs the caller may already see, so no further access check
 * is needed here; nothing but names and dates leaves this class (no request or evidence).
 */
@Component
class EngagementTimelineOverlay implements TimelineOverlay {

    private final JdbcClient jdbc;

    EngagementTimelineOverlay(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OverlayBar> bars(List<Long> programIds, LocalDate from, LocalDate to) {
        return jdbc.sql("select program_id, name, audit_firm, fieldwork_start, fieldwork_end from engagement "
                        + "where program_id in (:ids) and fieldwork_start is not null and fieldwork_end is not null "
                        + "and fieldwork_end >= :from and fieldwork_start <= :to order by fieldwork_start")
                .param("ids", programIds).param("from", from).param("to", to)
                .query((rs, n) -> {
                    LocalDate start = rs.getObject(4, LocalDate.class);
                    LocalDate end = rs.getObject(5, LocalDate.class);
                    String firm = rs.getString(3);
                    return new OverlayBar(rs.getLong(1), start, end, "Fieldwork", rs.getString(2) + " · fieldwork "
                            + start + " – " + end + (firm == null || firm.isBlank() ? "" : " · " + firm));
                }).list();
    }
}
