package io.auditflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.common.SystemAuthentication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/** The chain checks shared by the H2 and the PostgreSQL test. */
final class AuditChainChecks {

    private AuditChainChecks() {
    }

    /** Many threads append at once; the chain must stay one line with no gap or fork. */
    static void concurrentAppendsFormOneChain(AuditTrail trail, JdbcTemplate jdbc) throws Exception {
        long before = jdbc.queryForObject("select seq from audit_head where id = 1", Long.class);
        int threads = 6;
        int each = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    trail.append("racer" + thread, "RACE", "thread " + thread, "append " + i);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long after = jdbc.queryForObject("select seq from audit_head where id = 1", Long.class);
        assertThat(after - before).isEqualTo(threads * each);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'RACE' and seq > ?", Long.class,
                before)).isEqualTo(threads * each);
        AuditVerification v = SystemAuthentication.call(trail::verify);
        assertThat(v.intact()).as(v.reason()).isTrue();
    }
}
