package io.auditflow.engagement;

import io.auditflow.common.Phrase;
import io.auditflow.lifecycle.Milestone;
import io.auditflow.lifecycle.MilestoneService;
import io.auditflow.lifecycle.MilestoneType;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place where engagements read the program calendar (MilestoneService.ofProgram). It
 * computes no dates: it picks the milestones an engagement hangs on. The calendar engine is being
 * rebuilt (issue 9); re-point this class and nothing else.
 */
@Component
class AuditCalendar {

    /** The audits an engagement can belong to; OBSERVATION_END stands for the SOC 2 Type II window of its cycle. */
    static final Set<MilestoneType> AUDITS = Set.of(MilestoneType.AS_OF_DATE, MilestoneType.OBSERVATION_END,
            MilestoneType.STAGE1_AUDIT, MilestoneType.STAGE2_AUDIT, MilestoneType.SURVEILLANCE_AUDIT_1,
            MilestoneType.SURVEILLANCE_AUDIT_2, MilestoneType.RECERTIFICATION_AUDIT);

    /** An audit found on the calendar. */
    record Audit(MilestoneType type, int cycle, LocalDate date, String label) {
    }

    record Period(LocalDate start, LocalDate end) {
    }

    private final MilestoneService milestones;
    private final EngagementProperties properties;

    AuditCalendar(MilestoneService milestones, EngagementProperties properties) {
        this.milestones = milestones;
        this.properties = properties;
    }

    List<Audit> audits(Long programId) {
        return milestones.ofProgram(programId).stream()
                .filter(m -> AUDITS.contains(m.getType()) && day(m) != null)
                .map(m -> new Audit(m.getType(), m.getCycle(), day(m), label(m.getType(), m.getCycle(), day(m))))
                .toList();
    }

    /** "Type II observation window (cycle 1, 2027-09-30)" in English, as the API's audit options name it. */
    static String label(MilestoneType type, int cycle, LocalDate date) {
        return name(type, cycle, date).english();
    }

    /** The audit in words, for any reader: the milestone's label (or the Type II window), cycle and day. */
    static Phrase name(MilestoneType type, int cycle, LocalDate date) {
        Object what = type == MilestoneType.OBSERVATION_END ? Phrase.of("engagement.auditWindow") : type;
        return Phrase.of("engagement.auditName", what, cycle, date);
    }

    /** The period whose evidence counts, as the calendar has it; empty when the calendar lacks the dates. */
    Optional<Period> period(Long programId, MilestoneType type, int cycle) {
        Optional<LocalDate> date = date(programId, type, cycle);
        if (date.isEmpty()) {
            return Optional.empty();
        }
        switch (type) {
            case OBSERVATION_END -> {
                return date(programId, MilestoneType.OBSERVATION_START, cycle).map(start -> new Period(start, date.get()));
            }
            case AS_OF_DATE -> {
                return Optional.of(new Period(date.get(), date.get()));
            }
            default -> {
                // ISO: the planner's one rule for an audit's period (a setting covers the first audit).
                LocalDate start = io.auditflow.lifecycle.Planner.isoAuditPeriod(milestones.ofProgram(programId).stream()
                        .map(io.auditflow.lifecycle.Milestone::toPlanned).toList(), date.get(),
                        properties.isoDefaultPeriodMonths())[0];
                return Optional.of(new Period(start, date.get()));
            }
        }
    }

    /** Fieldwork as planned on the calendar: the SOC 2 fieldwork milestones, or the ISO audit day. */
    Optional<Period> fieldwork(Long programId, MilestoneType type, int cycle) {
        if (type == MilestoneType.OBSERVATION_END || type == MilestoneType.AS_OF_DATE) {
            Optional<LocalDate> start = date(programId, MilestoneType.FIELDWORK_START, cycle);
            Optional<LocalDate> end = date(programId, MilestoneType.FIELDWORK_END, cycle);
            return start.isPresent() && end.isPresent() ? Optional.of(new Period(start.get(), end.get())) : Optional.empty();
        }
        return date(programId, type, cycle).map(d -> new Period(d, d));
    }

    /**
     * The day the report or certification decision was recorded (an actual date, not a plan):
     * SOC 2 REPORT_ISSUED, ISO CERTIFICATION_DECISION after Stage 2 or recertification, else the
     * surveillance audit itself once done.
     */
    Optional<LocalDate> reportRecorded(Long programId, MilestoneType type, int cycle) {
        MilestoneType decision = switch (type) {
            case AS_OF_DATE, OBSERVATION_END -> MilestoneType.REPORT_ISSUED;
            case STAGE1_AUDIT, STAGE2_AUDIT, RECERTIFICATION_AUDIT -> MilestoneType.CERTIFICATION_DECISION;
            default -> type;
        };
        return milestones.find(programId, decision, cycle).map(Milestone::getActualDate);
    }

    private Optional<LocalDate> date(Long programId, MilestoneType type, int cycle) {
        return milestones.find(programId, type, cycle).map(AuditCalendar::day);
    }

    private static LocalDate day(Milestone m) {
        return m.getActualDate() != null ? m.getActualDate() : m.getPlannedDate();
    }
}
