package io.auditflow.reminder;

import io.auditflow.common.AuditflowProperties;
import io.auditflow.common.ClusterLock;
import io.auditflow.common.SystemAuthentication;
import io.auditflow.mail.OutboxSender;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Runs the reminder scan, the daily digest and the mail sender on a fixed tick. Each job reads
 * "now" from the injected clock and is safe to repeat, so the tick only decides how soon work is
 * seen. Off with {@code auditflow.reminders.scheduling-enabled=false} (tests drive the jobs).
 * With several nodes the scan and digest run on one node per tick ({@link ClusterLock}); every node
 * sends mail (the outbox's leases keep a mail to one sender).
 */
@Component
@ConditionalOnProperty(name = "auditflow.reminders.scheduling-enabled", havingValue = "true", matchIfMissing = true)
class ReminderSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

    private final ReminderScanner scanner;
    private final DigestJob digest;
    private final OutboxSender sender;
    private final ReminderProperties properties;
    private final Clock clock;
    private final AuditflowProperties app;
    private final ClusterLock lock;
    private ThreadPoolTaskScheduler scheduler;

    ReminderSchedule(ReminderScanner scanner, DigestJob digest, OutboxSender sender, ReminderProperties properties,
                     Clock clock, AuditflowProperties app, ClusterLock lock) {
        this.lock = lock;
        this.scanner = scanner;
        this.digest = digest;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
        this.app = app;
    }

    void tick() {
        try {
            // held for most of a tick after the scan, so the other nodes' ticks in between skip it
            Duration atLeast = properties.tick().multipliedBy(9).dividedBy(10);
            lock.runOnce("reminder-scan", Duration.ofMinutes(30).plus(properties.tick()), atLeast, () ->
                    SystemAuthentication.run(() -> {
                        scanner.runOnce();
                        if (LocalDateTime.ofInstant(clock.instant(), app.zone()).getHour() >= properties.digestHour()) {
                            digest.runOnce();
                        }
                    }));
        } catch (RuntimeException e) {
            log.warn("Reminder scan failed; next tick tries again", e);
        }
        try {
            sender.sendDue();
        } catch (RuntimeException e) {
            log.warn("Mail sender run failed; next tick tries again", e);
        }
    }

    @Override
    public void start() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("reminders-");
        scheduler.setPoolSize(1);
        scheduler.setClock(clock);
        scheduler.initialize();
        TaskScheduler s = scheduler;
        s.scheduleWithFixedDelay(this::tick, properties.tick());
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // after the web server and the engine are up
        return Integer.MAX_VALUE - 100;
    }
}
