package io.auditflow.control;

import io.auditflow.program.Program;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test data of the control feature that other features own: a done occurrence task with one piece of evidence. */
public final class ControlFixtures {

    private ControlFixtures() {
    }

    /** Evidence as a member gives it on a control occurrence task of the program (the inbox row and the evidence row). */
    public static void evidence(JdbcTemplate jdbc, Program program, String control, String file, LocalDate dated) {
        String taskId = "reuse-" + UUID.randomUUID();
        jdbc.update("insert into inbox_task (task_id, program_id, program_name, name, name_lower, control_activity, task_kind, state, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, 'CONTROL_ACTIVITY', 'DONE', ?)",
                taskId, program.id(), program.name(), "Control occurrence", "control occurrence", control,
                Timestamp.valueOf("2026-01-01 09:00:00"));
        jdbc.update("insert into evidence (task_id, program_id, cycle, task_name, file_name, content_type, size_bytes, sha256, storage_key,"
                        + " evidence_date, uploaded_by, uploaded_at) values (?, ?, 1, 'Control occurrence', ?, 'text/plain', 10, ?, ?, ?, 'member', ?)",
                taskId, program.id(), file, "0".repeat(64), UUID.randomUUID().toString().replace("-", ""), Date.valueOf(dated),
                Timestamp.valueOf("2026-01-01 09:00:00"));
    }
}
