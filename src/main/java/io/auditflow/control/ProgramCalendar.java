package io.auditflow.control;

import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneStatus;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place where the control feature reads programs' calendars (through
 * {@link MilestoneService#ofProgram}); the lead's planner work can re-point it here alone. It
 * answers which period a program's evidence must fall in, and which audit dates joint planning
 * aligns. It computes no milestone date of its own.
 */
@Component
public class ProgramCalendar {

    /** The period evidence must be dated in, both days included; {@code basis} says where it comes from. */
    /** {@code basis} in English (the API's); {@code words} the same as a phrase for screens in the reader's language. */
    public record Period(LocalDate from, LocalDate to, String basis,
                         @com.fasterxml.jackson.annotation.JsonIgnore io.auditflow.common.Phrase words) {

        Period(LocalDate from, LocalDate to, io.auditflow.common.Phrase words) {
            this(from, to, words.english(), words);
        }

        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** A planned (not yet held) milestone: its type, cycle and day. */
    public record Planned(MilestoneType type, int cycle, LocalDate date) {
    }

    static final Set<MilestoneType> ISO_AUDITS = EnumSet.of(MilestoneType.STAGE2_AUDIT, MilestoneType.SURVEILLANCE_AUDIT_1,
            MilestoneType.SURVEILLANCE_AUDIT_2, MilestoneType.RECERTIFICATION_AUDIT);
    static final Set<MilestoneType> ALIGNABLE_ISO_AUDITS = EnumSet.of(MilestoneType.SURVEILLANCE_AUDIT_1,
            MilestoneType.SURVEILLANCE_AUDIT_2, MilestoneType.RECERTIFICATION_AUDIT);

    private final MilestoneService milestones;
    private final Clock clock;

    ProgramCalendar(MilestoneService milestones, Clock clock) {
        this.milestones = milestones;
        this.clock = clock;
    }

    /**
     * SOC 2 Type II: the observation window (OBSERVATION_START..OBSERVATION_END) that contains
     * today, else the latest that has started, else the first planned. ISO: from the previous
     * external audit (or certification decision) to the next audit not yet held (else the last
     * one). Type I reports have no period.
     */
    public Optional<Period> period(Program program) {
        List<Milestone> all = milestones.ofProgram(program.id());
        LocalDate today = LocalDate.now(clock);
        if (program.framework() == Framework.SOC2_TYPE2) {
            List<Period> windows = all.stream().filter(m -> m.getType() == MilestoneType.OBSERVATION_START)
                    .map(start -> all.stream().filter(e -> e.getType() == MilestoneType.OBSERVATION_END && e.getCycle() == start.getCycle())
                            .findFirst().filter(e -> day(e) != null && day(start) != null)
                            .map(e -> new Period(day(start), day(e),
                                    io.auditflow.common.Phrase.of("control.period.window", start.getCycle()))))
                    .flatMap(Optional::stream).sorted(Comparator.comparing(Period::from)).toList();
            return windows.stream().filter(w -> w.contains(today)).findFirst()
                    .or(() -> windows.stream().filter(w -> !w.from().isAfter(today)).reduce((a, b) -> b))
                    .or(() -> windows.stream().findFirst());
        }
        if (program.framework() == Framework.ISO27001) {
            List<Milestone> audits = all.stream().filter(m -> ISO_AUDITS.contains(m.getType()) && day(m) != null)
                    .sorted(Comparator.comparing(ProgramCalendar::day)).toList();
            Optional<Milestone> audit = audits.stream().filter(m -> m.getStatus() != MilestoneStatus.DONE).findFirst()
                    .or(() -> audits.stream().reduce((a, b) -> b));
            if (audit.isEmpty()) {
                return Optional.empty();
            }
            LocalDate to = day(audit.get());
            LocalDate[] period = io.auditflow.lifecycle.Planner.isoAuditPeriod(
                    all.stream().map(Milestone::toPlanned).toList(), to, 12);
            LocalDate from = period[0];
            return Optional.of(new Period(from, to,
                    io.auditflow.common.Phrase.of("control.period.isoAudit", audit.get().getType(), to, from)));
        }
        return Optional.empty();
    }

    /** Surveillance and recertification audits of an ISO program that are still planned and not in the past, soonest first. */
    public List<Planned> isoAuditsAhead(Long programId) {
        LocalDate today = LocalDate.now(clock);
        return milestones.ofProgram(programId).stream()
                .filter(m -> ALIGNABLE_ISO_AUDITS.contains(m.getType()) && m.getStatus() != MilestoneStatus.DONE
                        && m.getPlannedDate() != null && !m.getPlannedDate().isBefore(today))
                .sorted(Comparator.comparing(Milestone::getPlannedDate))
                .map(m -> new Planned(m.getType(), m.getCycle(), m.getPlannedDate()))
                .toList();
    }

    /** The next SOC 2 fieldwork start that is still planned and not in the past. */
    public Optional<Planned> nextFieldwork(Long programId) {
        LocalDate today = LocalDate.now(clock);
        return milestones.ofProgram(programId).stream()
                .filter(m -> m.getType() == MilestoneType.FIELDWORK_START && m.getStatus() != MilestoneStatus.DONE
                        && m.getPlannedDate() != null && !m.getPlannedDate().isBefore(today))
                .min(Comparator.comparing(Milestone::getPlannedDate))
                .map(m -> new Planned(m.getType(), m.getCycle(), m.getPlannedDate()));
    }

    private static LocalDate day(Milestone m) {
        return m.getActualDate() != null ? m.getActualDate() : m.getPlannedDate();
    }
}
