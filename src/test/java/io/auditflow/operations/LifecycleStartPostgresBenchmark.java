package io.auditflow.operations;

import io.auditflow.PostgresIntegrationTest;

/**
 * Not a test (-Pbench): {@link LifecycleStartBenchmark} on a real PostgreSQL server (embedded, started by the test),
 * the database production runs on. Same rounds; the ratio's target (<= 1.5x) applies. The rate is printed, not
 * asserted: each start here is one durable commit, so one thread's rate is bounded by the server's commit latency
 * (its WAL flush), which says more about the disk than about Auditflow (docs/performance.md).
 */
@PostgresIntegrationTest
class LifecycleStartPostgresBenchmark extends LifecycleStartBenchmark {

    @Override
    String database() {
        return "PostgreSQL, embedded";
    }

    @Override
    boolean assertsRate() {
        return false;
    }
}
