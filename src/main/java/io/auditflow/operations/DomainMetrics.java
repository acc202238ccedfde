package io.auditflow.operations;

import io.auditflow.common.SystemAuthentication;
import io.auditflow.lifecycle.CertificateService;
import io.auditflow.lifecycle.CertificateState;
import io.auditflow.lifecycle.LifecycleService;
import io.auditflow.program.Framework;
import io.auditflow.program.Program;
import io.auditflow.program.ProgramService;
import io.auditflow.timeline.TaskDeadlines;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Domain gauges for Prometheus ({@code /actuator/prometheus}). Every figure is asked of its owner:
 * overdue tasks of {@link TaskDeadlines} (the one rule in {@code common.Due}), certificate states of
 * {@link LifecycleService#certificate}, incidents and failed jobs of the engine; the outbox figures
 * are read from its table. Computed at most once per {@link #MAX_AGE} however often it is scraped.
 */
@Component
class DomainMetrics implements MeterBinder {

    static final Duration MAX_AGE = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(DomainMetrics.class);

    private final TaskDeadlines deadlines;
    private final ProgramService programs;
    private final LifecycleService lifecycles;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile long takenAtNanos;

    DomainMetrics(TaskDeadlines deadlines, ProgramService programs, LifecycleService lifecycles, RuntimeService runtime,
                  ManagementService management, JdbcTemplate jdbc, Clock clock) {
        this.deadlines = deadlines;
        this.programs = programs;
        this.lifecycles = lifecycles;
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One consistent set of figures. */
    record Snapshot(long overdueTasks, Map<CertificateState, Long> certificates, long outboxBacklog,
                    double oldestQueuedSeconds, long incidents, long failedJobs) {
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "auditflow.tasks.overdue", "Open lifecycle tasks past their due day (common.Due)", "tasks",
                s -> s.overdueTasks);
        for (CertificateState state : CertificateState.values()) {
            Gauge.builder("auditflow.certificates", this, m -> m.current().certificates.getOrDefault(state, 0L))
                    .description("ISO/IEC 27001 certificates by state (AT_RISK, SUSPENDED, LAPSED need attention)")
                    .tag("state", state.name()).register(registry);
        }
        gauge(registry, "auditflow.mail.outbox.backlog", "Mails queued, held or being sent", "mails",
                s -> s.outboxBacklog);
        gauge(registry, "auditflow.mail.outbox.oldest.queued", "Age of the oldest mail not yet sent", "seconds",
                s -> s.oldestQueuedSeconds);
        gauge(registry, "auditflow.engine.incidents", "Open incidents in the process engine", "incidents",
                s -> s.incidents);
        gauge(registry, "auditflow.engine.jobs.failed", "Engine jobs with no retries left", "jobs", s -> s.failedJobs);
    }

    private void gauge(MeterRegistry registry, String name, String description, String unit,
                       ToDoubleFunction<Snapshot> value) {
        Gauge.builder(name, this, m -> value.applyAsDouble(m.current())).description(description).baseUnit(unit)
                .register(registry);
    }

    Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - takenAtNanos > MAX_AGE.toNanos()) {
            synchronized (this) {
                if (snapshot == null || System.nanoTime() - takenAtNanos > MAX_AGE.toNanos()) {
                    snapshot = take();
                    takenAtNanos = System.nanoTime();
                }
                s = snapshot;
            }
        }
        return s;
    }

    /** Reads every figure now, as the system (no user is signed in on a scrape). */
    Snapshot take() {
        return SystemAuthentication.call(() -> {
            long overdue = safe(() -> deadlines.overdueByProgram().values().stream().mapToLong(Integer::longValue).sum());
            Map<CertificateState, Long> certificates = new EnumMap<>(CertificateState.class);
            try {
                for (Program p : programs.list(false)) {
                    if (p.framework() == Framework.ISO27001) {
                        Optional<CertificateService.Certificate> c = lifecycles.certificate(p.id());
                        c.ifPresent(cert -> certificates.merge(cert.state(), 1L, Long::sum));
                    }
                }
            } catch (RuntimeException e) {
                log.warn("Certificate metrics unavailable", e);
            }
            long backlog = safe(() -> jdbc.queryForObject(
                    "select count(*) from mail_outbox where status in ('QUEUED', 'HELD', 'SENDING')", Long.class));
            double oldest = safe(() -> {
                Timestamp t = jdbc.queryForObject(
                        "select min(created_at) from mail_outbox where status in ('QUEUED', 'HELD', 'SENDING')", Timestamp.class);
                return t == null ? 0L : Math.max(0L, Duration.between(t.toInstant(), clock.instant()).toSeconds());
            });
            long incidents = safe(() -> runtime.createIncidentQuery().count());
            long failed = safe(() -> management.createJobQuery().withException().noRetriesLeft().count());
            return new Snapshot(overdue, certificates, backlog, oldest, incidents, failed);
        });
    }

    private static long safe(java.util.function.Supplier<Long> figure) {
        try {
            Long v = figure.get();
            return v == null ? 0 : v;
        } catch (RuntimeException e) {
            log.warn("Metric unavailable", e);
            return -1;
        }
    }
}
