package io.auditflow.reminder;

import io.auditflow.common.Validation;
import io.auditflow.program.ProgramService;
import io.auditflow.security.Roles;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reminder offsets of each program: the defaults of {@link ReminderProperties} unless a manager set others. */
@Service
@Transactional
public class ReminderSettingsService {

    static final int MAX_DAYS = 400;

    private final JdbcTemplate jdbc;
    private final ReminderProperties defaults;
    private final ProgramService programs;
    private final Clock clock;

    ReminderSettingsService(JdbcTemplate jdbc, ReminderProperties defaults, ProgramService programs, Clock clock) {
        this.jdbc = jdbc;
        this.defaults = defaults;
        this.programs = programs;
        this.clock = clock;
    }

    public Offsets defaults() {
        return defaults.defaults();
    }

    @Transactional(readOnly = true)
    public Offsets effective(Long programId) {
        if (programId == null) {
            return defaults();
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select milestone_offsets, task_offsets, escalation_offsets from reminder_setting where program_id = ?", programId);
        if (rows.isEmpty()) {
            return defaults();
        }
        Map<String, Object> row = rows.get(0);
        Offsets d = defaults();
        return new Offsets(parseOr((String) row.get("milestone_offsets"), d.milestones()),
                parseOr((String) row.get("task_offsets"), d.tasks()),
                parseOr((String) row.get("escalation_offsets"), d.escalation()), true);
    }

    /**
     * Sets a program's own offsets, each a comma-separated list of whole days; a blank field means
     * the default. Escalation takes exactly three rising numbers (assignee, manager, executives).
     */
    @PreAuthorize(Roles.CAN_MANAGE)
    public Offsets save(Long programId, String milestoneOffsets, String taskOffsets, String escalationOffsets) {
        Validation v = new Validation();
        v.check(programId != null && programs.find(programId).isPresent(), "program", "Choose a program");
        List<Integer> m = parse(milestoneOffsets, "milestoneOffsets", v, 1);
        List<Integer> t = parse(taskOffsets, "taskOffsets", v, 1);
        List<Integer> e = parse(escalationOffsets, "escalationOffsets", v, 1);
        if (e != null && !e.isEmpty() && !v.hasError("escalationOffsets")) {
            v.check(e.size() == 3, "escalationOffsets",
                    "Give three numbers of days overdue: to the assignee, to the manager, to the executives (e.g. 1, 3, 7)");
            v.check(e.size() != 3 || (e.get(0) < e.get(1) && e.get(1) < e.get(2)), "escalationOffsets",
                    "Each escalation step must come later than the one before (e.g. 1, 3, 7)");
        }
        v.throwIfInvalid();
        jdbc.update("delete from reminder_setting where program_id = ?", programId);
        if (!(m.isEmpty() && t.isEmpty() && e.isEmpty())) {
            jdbc.update("insert into reminder_setting (program_id, milestone_offsets, task_offsets, escalation_offsets, updated_at) "
                    + "values (?, ?, ?, ?, ?)", programId, join(m), join(t), join(e), clock.instant().atOffset(ZoneOffset.UTC));
        }
        return effective(programId);
    }

    /** Back to the defaults for this program. */
    @PreAuthorize(Roles.CAN_MANAGE)
    public Offsets reset(Long programId) {
        jdbc.update("delete from reminder_setting where program_id = ?", programId);
        return defaults();
    }

    private static List<Integer> parse(String text, String field, Validation v, int min) {
        List<Integer> result = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return result;
        }
        for (String part : text.split("[,;\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                int days = Integer.parseInt(part.trim());
                if (days < min || days > MAX_DAYS) {
                    v.check(false, field, "Use whole days from " + min + " to " + MAX_DAYS + ", like 30, 7, 1");
                    return result;
                }
                result.add(days);
            } catch (NumberFormatException ex) {
                v.check(false, field, "'" + part.trim() + "' is not a number of days; write them like 30, 7, 1");
                return result;
            }
        }
        return result;
    }

    private static List<Integer> parseOr(String stored, List<Integer> fallback) {
        if (stored == null || stored.isBlank()) {
            return fallback;
        }
        List<Integer> r = new ArrayList<>();
        for (String part : stored.split(",")) {
            r.add(Integer.parseInt(part.trim()));
        }
        return r;
    }

    private static String join(List<Integer> days) {
        return days.isEmpty() ? null : String.join(",", days.stream().map(String::valueOf).toList());
    }
}
