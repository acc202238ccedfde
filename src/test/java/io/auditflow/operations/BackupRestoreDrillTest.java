package io.auditflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Issue 15 item 5, docs/operations.md "Backup and restore": the drill for the embedded default.
 * Database and evidence directory are backed up together (H2 {@code SCRIPT}, a copy of the folder),
 * restored into an empty place, and the evidence record still finds its file with the same hash.
 */
class BackupRestoreDrillTest {

    @TempDir
    Path live;
    @TempDir
    Path backup;
    @TempDir
    Path restored;

    static JdbcTemplate db(Path dir) {
        return new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), EmbeddedDatabase.urlIn(dir), "sa", ""));
    }

    @Test
    void a_backup_of_database_and_evidence_restores_into_an_empty_place_with_every_file_matching_its_record()
            throws Exception {
        JdbcTemplate source = db(live);
        Flyway.configure().dataSource(source.getDataSource()).locations("classpath:db/migration").load().migrate();
        byte[] file = "Access review Q3, signed".getBytes(StandardCharsets.UTF_8);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        Path evidence = Files.createDirectories(live.resolve("evidence").resolve("2026"));
        Files.write(evidence.resolve(sha), file);
        source.update("create table drill_record (id int primary key, sha256 varchar(64), path varchar(300))");
        source.update("insert into drill_record values (1, ?, ?)", sha, "2026/" + sha);

        // backup: the database as SQL (online, consistent), then the evidence folder
        Path script = backup.resolve("auditflow.sql");
        source.execute("script to '" + script.toString().replace('\\', '/') + "'");
        copyTree(live.resolve("evidence"), backup.resolve("evidence"));
        source.execute("shutdown");

        // restore into an empty place
        JdbcTemplate target = db(restored);
        target.execute("runscript from '" + script.toString().replace('\\', '/') + "'");
        copyTree(backup.resolve("evidence"), restored.resolve("evidence"));

        assertThat(target.queryForObject("select count(*) from \"flyway_schema_history\" where \"success\" and \"version\" is not null", Integer.class))
                .as("every file in db/migration").isEqualTo(FlywayUpgradeTest.migrationFiles());
        String path = target.queryForObject("select path from drill_record where id = 1", String.class);
        byte[] back = Files.readAllBytes(restored.resolve("evidence").resolve(path));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(back))).isEqualTo(sha);
        assertThat(new String(back, StandardCharsets.UTF_8)).isEqualTo("Access review Q3, signed");
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
