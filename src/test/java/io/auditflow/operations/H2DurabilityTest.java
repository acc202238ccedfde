package io.auditflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.auditflow.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 1: on the embedded default every committed transaction survives a {@code kill -9}.
 * A real second JVM commits rows into an H2 file database with the URL that application.yml sets,
 * is killed without warning while it commits, and every row it reported committed is there after.
 */
class H2DurabilityTest {

    @TempDir
    Path dir;

    @Test
    void the_embedded_default_makes_every_commit_durable_at_once() {
        assertThat(EmbeddedDatabase.configuredUrl()).contains(";WRITE_DELAY=0");
    }

    @Test
    void every_transaction_that_was_committed_is_still_there_after_kill_minus_nine() throws Exception {
        String url = EmbeddedDatabase.urlIn(dir);
        int lastReported;
        try (ChildJvm writer = ChildJvm.start(H2CommitWriter.class, dir.resolve("writer.log"), List.of(), url)) {
            writer.await(line -> line.equals("committed 300"), Duration.ofSeconds(120));
            writer.killHard();
            lastReported = writer.lines().stream().filter(l -> l.startsWith("committed "))
                    .mapToInt(l -> Integer.parseInt(l.substring("committed ".length()))).max().orElseThrow();
        }
        assertThat(lastReported).isGreaterThanOrEqualTo(300);
        assertThat(Files.exists(dir.resolve("auditflow.mv.db"))).isTrue();

        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), min(id), max(id) from durability_probe where id <= " + lastReported)) {
            rs.next();
            assertThat(rs.getInt(1)).as("rows reported committed before the kill").isEqualTo(lastReported);
            assertThat(rs.getInt(2)).isEqualTo(1);
            assertThat(rs.getInt(3)).isEqualTo(lastReported);
        }
    }
}
