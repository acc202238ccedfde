package io.auditflow.control;

import io.auditflow.lifecycle.Planner;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.Roles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence once, for every framework: a piece of evidence given on any occurrence task of a control
 * counts for every program that control serves, when its date lies in that program's period. Each
 * expected occurrence of the period (the library's schedule, {@link Planner#occurrences}) is
 * present when at least one piece of evidence is dated inside it; several pieces in one
 * occurrence count once.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceReuse {

    /** One piece of evidence of a control, wherever it was given. */
    public record Piece(Long id, String fileName, LocalDate evidenceDate, Long givenForProgramId, String taskName) {
    }

    /** Expected versus present evidence of one control in one program's period. */
    public record Completeness(Long programId, String programName, String framework, ProgramCalendar.Period period,
                               int expected, int present, List<Piece> counted) {
        public boolean complete() {
            return period != null && present >= expected;
        }
    }

    private final JdbcClient jdbc;
    private final ControlService controls;
    private final ProgramService programs;
    private final ProgramCalendar calendar;

    EvidenceReuse(JdbcClient jdbc, ControlService controls, ProgramService programs, ProgramCalendar calendar) {
        this.jdbc = jdbc;
        this.controls = controls;
        this.programs = programs;
        this.calendar = calendar;
    }

    /** Evidence given on the control's occurrence tasks, in every program, oldest first. */
    @PreAuthorize(Roles.CAN_WORK)
    public List<Piece> evidenceOf(String controlCode) {
        controls.get(controlCode);
        return jdbc.sql("select e.id, e.file_name, e.evidence_date, e.program_id, e.task_name from evidence e"
                        + " join inbox_task t on t.task_id = e.task_id where t.control_activity = ?"
                        + " order by e.evidence_date, e.id")
                .param(controlCode)
                .query((rs, i) -> new Piece(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
                        (Long) rs.getObject(4, Long.class), rs.getString(5)))
                .list();
    }

    /** For every live program the control serves: is the evidence of its current period complete? */
    @PreAuthorize(Roles.CAN_WORK)
    public List<Completeness> completeness(String controlCode) {
        Control control = controls.get(controlCode);
        List<Piece> pieces = evidenceOf(controlCode);
        List<Completeness> out = new ArrayList<>();
        for (Program p : programs.list(false)) {
            if (!controls.serves(control, p)) {
                continue;
            }
            Optional<ProgramCalendar.Period> period = calendar.period(p);
            out.add(period.map(pd -> of(p, pd, control.frequencyMonths(), pieces))
                    .orElseGet(() -> new Completeness(p.id(), p.name(), p.framework().name(), null, 0, 0, List.of())));
        }
        return out;
    }

    static Completeness of(Program p, ProgramCalendar.Period period, int frequencyMonths, List<Piece> pieces) {
        List<Planner.Occurrence> expected = Planner.occurrences(period.from(), period.to(), frequencyMonths);
        int present = 0;
        for (Planner.Occurrence o : expected) {
            boolean any = pieces.stream().anyMatch(e -> !e.evidenceDate().isBefore(o.opensOn()) && !e.evidenceDate().isAfter(o.dueOn()));
            if (any) {
                present++;
            }
        }
        List<Piece> counted = pieces.stream().filter(e -> period.contains(e.evidenceDate())).toList();
        return new Completeness(p.id(), p.name(), p.framework().name(), period, expected.size(), present, counted);
    }
}
