package io.auditflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.common.ClusterLock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Issue 15 item 2: a scheduled scan runs on one node per tick, two nodes on one real PostgreSQL. */
class ClusterLockTest {

    static EmbeddedPostgres postgres;
    static DataSource db;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        db = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    static ClusterLock node(String name) {
        return new ClusterLock(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(db)).usingDbTime().withLockedByValue(name).build()));
    }

    @Test
    void while_one_node_runs_a_scan_the_other_skips_it_and_takes_it_once_the_lock_has_passed() throws Exception {
        ClusterLock a = node("node-a");
        ClusterLock b = node("node-b");
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = pool.submit(() -> a.runOnce("scan-1", Duration.ofMinutes(1), Duration.ofMillis(1500), () -> {
                runs.incrementAndGet();
                inside.countDown();
                await(release);
            }));
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(new JdbcTemplate(db).queryForObject("select locked_by from shedlock where name = 'scan-1'", String.class))
                    .isEqualTo("node-a");
            assertThat(b.runOnce("scan-1", Duration.ofMinutes(1), Duration.ofMillis(1500), runs::incrementAndGet))
                    .as("node b while node a scans").isFalse();
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
            assertThat(b.runOnce("scan-1", Duration.ofMinutes(1), Duration.ofMillis(1500), runs::incrementAndGet))
                    .as("node b right after node a's scan, within the same tick").isFalse();
            assertThat(runs).hasValue(1);

            Thread.sleep(1700);
            assertThat(b.runOnce("scan-1", Duration.ofMinutes(1), Duration.ZERO, runs::incrementAndGet))
                    .as("node b at its next tick").isTrue();
            assertThat(runs).hasValue(2);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void two_nodes_ticking_at_once_run_each_scan_exactly_once() throws Exception {
        ClusterLock a = node("node-a");
        ClusterLock b = node("node-b");
        AtomicInteger runs = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int tick = 0; tick < 20; tick++) {
                String name = "scan-tick-" + tick;
                CountDownLatch go = new CountDownLatch(1);
                Future<Boolean> fa = pool.submit(() -> {
                    await(go);
                    return a.runOnce(name, Duration.ofMinutes(1), Duration.ofSeconds(30), runs::incrementAndGet);
                });
                Future<Boolean> fb = pool.submit(() -> {
                    await(go);
                    return b.runOnce(name, Duration.ofMinutes(1), Duration.ofSeconds(30), runs::incrementAndGet);
                });
                go.countDown();
                assertThat(fa.get(30, TimeUnit.SECONDS) ^ fb.get(30, TimeUnit.SECONDS)).as("exactly one node ran " + name)
                        .isTrue();
            }
            assertThat(runs).hasValue(20);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
