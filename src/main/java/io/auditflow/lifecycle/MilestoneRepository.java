package io.auditflow.lifecycle;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Milestones of all programs; other features read them through {@link MilestoneService}. */
interface MilestoneRepository extends JpaRepository<Milestone, Long> {

    @Query("select m from Milestone m where m.programId = :programId "
            + "order by coalesce(m.actualDate, m.plannedDate) asc nulls last, m.id asc")
    List<Milestone> findByProgramInDateOrder(Long programId);

    /** tlspeed: the milestones of many programs in one query (the timeline's 200 lanes), each program in date order. */
    @Query("select m from Milestone m where m.programId in :programIds "
            + "order by m.programId, coalesce(m.actualDate, m.plannedDate) asc nulls last, m.id asc")
    List<Milestone> findByProgramsInDateOrder(java.util.Collection<Long> programIds);

    Optional<Milestone> findByProgramIdAndTypeAndCycle(Long programId, MilestoneType type, int cycle);

    @Query("select m from Milestone m where m.plannedDate between :from and :to order by m.plannedDate, m.id")
    List<Milestone> findPlannedBetween(LocalDate from, LocalDate to);
}
