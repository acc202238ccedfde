package io.auditflow.common;

import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

/**
 * Runs a scheduled scan on one node at a time across every node on the database (ShedLock, table
 * {@code shedlock}, the database's own time). A node that finds the scan taken skips this tick.
 */
public class ClusterLock {

    private final LockingTaskExecutor executor;

    public ClusterLock(LockProvider provider) {
        this.executor = new DefaultLockingTaskExecutor(provider);
    }

    /**
     * Runs the job unless another node holds the lock; returns whether it ran here.
     *
     * @param atMost   how long a node that dies holding the lock blocks the others
     * @param atLeast  how long the lock is kept after the job ended, so the other nodes' ticks
     *                 within that time skip it (ticks of different nodes are not aligned)
     */
    public boolean runOnce(String name, Duration atMost, Duration atLeast, Runnable job) {
        // Lock times are wall-clock and database time, not the business clock (ShedLock compares them in SQL).
        Instant created = ClockProvider.now();
        LockingTaskExecutor.TaskResult<Boolean> result;
        try {
            result = executor.executeWithLock(() -> {
                job.run();
                return Boolean.TRUE;
            }, new LockConfiguration(created, name, atMost, atLeast));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        return result.wasExecuted();
    }
}
