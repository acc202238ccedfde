package io.auditflow.lifecycle;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One dated step of a program's calendar. {@code cycle} numbers repeats: the SOC 2 year or the
 * ISO certificate cycle (1 for the first), so the same type can appear once per cycle.
 */
@Entity
@Table(name = "milestone")
public class Milestone {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "program_id", nullable = false)
    private Long programId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MilestoneType type;

    @Column(nullable = false)
    private int cycle;

    @Column(name = "planned_date")
    private LocalDate plannedDate;

    @Column(name = "actual_date")
    private LocalDate actualDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MilestoneStatus status = MilestoneStatus.PLANNED;

    private String note;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Milestone() {
    }

    public Milestone(Long programId, MilestoneType type, int cycle, LocalDate plannedDate, Instant updatedAt) {
        this.programId = programId;
        this.type = type;
        this.cycle = cycle;
        this.plannedDate = plannedDate;
        this.updatedAt = updatedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getProgramId() {
        return programId;
    }

    public MilestoneType getType() {
        return type;
    }

    public int getCycle() {
        return cycle;
    }

    public LocalDate getPlannedDate() {
        return plannedDate;
    }

    public void setPlannedDate(LocalDate plannedDate) {
        this.plannedDate = plannedDate;
    }

    public LocalDate getActualDate() {
        return actualDate;
    }

    public void setActualDate(LocalDate actualDate) {
        this.actualDate = actualDate;
    }

    public MilestoneStatus getStatus() {
        return status;
    }

    public void setStatus(MilestoneStatus status) {
        this.status = status;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    /**
     * The order of a program's calendar, the same as {@code MilestoneRepository.findByProgramInDateOrder}'s
     * "order by coalesce(actual_date, planned_date) asc nulls last, id asc" (lifefast: the lifecycle start
     * answers with the calendar it just wrote, sorted in memory).
     */
    static final java.util.Comparator<Milestone> DATE_ORDER = java.util.Comparator
            .comparing((Milestone m) -> m.actualDate != null ? m.actualDate : m.plannedDate,
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
            .thenComparing(m -> m.id, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));

    /** The key the database gave a row that was inserted with JDBC (lifefast: batch-inserted plan rows). */
    void assignId(Long id) {
        this.id = id;
    }

    /** This milestone as the planner reads it. */
    public PlannedMilestone toPlanned() {
        return new PlannedMilestone(type, cycle, plannedDate, actualDate, status, note);
    }
}
