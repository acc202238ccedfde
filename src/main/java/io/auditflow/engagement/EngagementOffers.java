package io.auditflow.engagement;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.identity.UserService;
import io.auditflow.identity.UserSummary;
import io.auditflow.lifecycle.MilestoneType;
import io.auditflow.notification.NotificationKind;
import io.auditflow.notification.NotificationService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.security.Role;
import io.auditflow.security.Roles;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lifecycle offers to create the engagement when the auditor is engaged (issue 11). A user task
 * carries the offer as an input parameter {@value #VARIABLE} naming the audit (a milestone type, or
 * {@value #SOC2_REPORT} for the SOC 2 report of the cycle: the as-of date of a Type I program, the
 * observation window of a Type II one). When such a task is completed and the program has no
 * engagement for that audit yet, every manager gets one notification linking to the creation with
 * program and audit filled in; the task page shows the same action. One offer per program, audit
 * and cycle (table {@code engagement_offer}), so a repeated task offers nothing twice.
 */
@Service
@Transactional
public class EngagementOffers {

    /** The name of the BPMN input parameter that carries the offer. */
    public static final String VARIABLE = "offersEngagement";
    /** The SOC 2 report of the cycle, whichever type the program is. */
    public static final String SOC2_REPORT = "SOC2_REPORT";

    /** An offer to create the engagement of one audit. */
    public record Offer(Long programId, String programName, MilestoneType type, int cycle, String link) {
    }

    private final JdbcTemplate jdbc;
    private final ProgramService programs;
    private final UserService users;
    private final NotificationService notifications;
    private final TaskService tasks;
    private final Clock clock;

    EngagementOffers(JdbcTemplate jdbc, ProgramService programs, UserService users, NotificationService notifications,
                     @Lazy TaskService tasks, Clock clock) {
        this.jdbc = jdbc;
        this.programs = programs;
        this.users = users;
        this.notifications = notifications;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The audit an offer names for a program of this framework; empty when it does not fit the framework. */
    public static Optional<MilestoneType> audit(Framework framework, String offer) {
        if (framework == null || offer == null || offer.isBlank()) {
            return Optional.empty();
        }
        MilestoneType type;
        if (SOC2_REPORT.equals(offer.trim())) {
            type = framework == Framework.SOC2_TYPE1 ? MilestoneType.AS_OF_DATE
                    : framework == Framework.SOC2_TYPE2 ? MilestoneType.OBSERVATION_END : null;
        } else {
            try {
                type = MilestoneType.valueOf(offer.trim());
            } catch (IllegalArgumentException e) {
                type = null;
            }
        }
        if (type == null || !AuditCalendar.AUDITS.contains(type)) {
            return Optional.empty();
        }
        boolean soc2Audit = type == MilestoneType.AS_OF_DATE || type == MilestoneType.OBSERVATION_END;
        return soc2Audit == framework.isSoc2() ? Optional.of(type) : Optional.empty();
    }

    /** The address of the engagement creation with program, audit and cycle filled in. */
    public static String createLink(Long programId, MilestoneType type, int cycle) {
        return "/engagements?program=" + programId + "&audit=" + type.name() + "&cycle=" + cycle;
    }

    /**
     * The engine calls this when a task carrying an offer is completed (in the completion's
     * transaction, by whoever completed it). Work of the system: it reads with system rights.
     * Returns whether a new offer was made.
     */
    boolean taskCompleted(Long programId, int cycle, String offer, String taskId, String taskName) {
        return SystemAuthentication.call(() -> {
            Optional<Program> program = programs.find(programId);
            Optional<MilestoneType> type = program.flatMap(p -> audit(p.framework(), offer));
            if (type.isEmpty() || exists(programId, type.get(), cycle)) {
                return false;
            }
            int inserted = jdbc.update("insert into engagement_offer (program_id, milestone_type, cycle, task_id, task_name,"
                            + " offered_at) select ?, ?, ?, ?, ?, ? where not exists (select 1 from engagement_offer"
                            + " where program_id = ? and milestone_type = ? and cycle = ?)",
                    programId, type.get().name(), cycle, taskId, taskName == null ? null : taskName.length() > 500
                            ? taskName.substring(0, 500) : taskName, Timestamp.from(clock.instant()),
                    programId, type.get().name(), cycle);
            if (inserted == 0) {
                return false;
            }
            // worded for each manager when they read it (decision 0181); its English is the stored subject
            io.auditflow.common.Phrase words = io.auditflow.common.Phrase.of("notification.engagementOffer", program.get().name(),
                    io.auditflow.common.Phrase.of("engagementOffer.audit", type.get() == MilestoneType.OBSERVATION_END
                            ? io.auditflow.common.Phrase.of("engagementOffer.window") : type.get(), cycle));
            String subject = words.english();
            String link = createLink(programId, type.get(), cycle);
            for (UserSummary manager : managers().values()) {
                notifications.record("ENGAGEMENT_OFFER:" + programId + ":" + type.get() + ":" + cycle + ":" + manager.username(),
                        manager.username(), NotificationKind.ENGAGEMENT_OFFER, subject, words, link);
            }
            return true;
        });
    }

    /**
     * The offer of a task, for its page: an open task's input parameter, or the offer its completion
     * made. Empty when the task makes none, or the engagement exists already.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.CAN_MANAGE)
    public Optional<Offer> forTask(String taskId, Long programId, Integer cycle, boolean open) {
        if (taskId == null || programId == null) {
            return Optional.empty();
        }
        Optional<Program> program = programs.find(programId);
        if (program.isEmpty()) {
            return Optional.empty();
        }
        Optional<MilestoneType> type;
        int c = cycle == null ? 1 : cycle;
        if (open) {
            Object value;
            try {
                value = tasks.getVariable(taskId, VARIABLE);
            } catch (ProcessEngineException e) {
                value = null;
            }
            type = value == null ? Optional.empty() : audit(program.get().framework(), value.toString());
        } else {
            var row = jdbc.query("select milestone_type, cycle from engagement_offer where task_id = ? and program_id = ?",
                    (rs, i) -> Map.entry(MilestoneType.valueOf(rs.getString(1)), rs.getInt(2)), taskId, programId);
            type = row.stream().findFirst().map(Map.Entry::getKey);
            c = row.stream().findFirst().map(Map.Entry::getValue).orElse(c);
        }
        if (type.isEmpty() || exists(programId, type.get(), c)) {
            return Optional.empty();
        }
        return Optional.of(new Offer(programId, program.get().name(), type.get(), c, createLink(programId, type.get(), c)));
    }

    boolean exists(Long programId, MilestoneType type, int cycle) {
        Long n = jdbc.queryForObject("select count(*) from engagement where program_id = ? and milestone_type = ? and cycle = ?",
                Long.class, programId, type.name(), cycle);
        return n != null && n > 0;
    }

    private Map<String, UserSummary> managers() {
        Map<String, UserSummary> out = new LinkedHashMap<>();
        for (Role role : new Role[] {Role.COMPLIANCE_MANAGER, Role.ADMIN}) {
            users.usersWithRole(role).stream().filter(UserSummary::enabled).forEach(u -> out.putIfAbsent(u.username(), u));
        }
        return out;
    }
}
