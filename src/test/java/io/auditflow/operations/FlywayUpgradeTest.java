package io.auditflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15 item 3: the migrations on a real PostgreSQL, from an empty database and from the previous
 * release's schema (V80, the last before this release's V100+) holding data, which survives the upgrade.
 */
class FlywayUpgradeTest {

    static final String PREVIOUS_RELEASE = "80";
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    static JdbcTemplate freshDatabase(String name) {
        new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database " + name);
        return new JdbcTemplate(postgres.getDatabase("postgres", name));
    }

    /** How many versioned migrations the application ships. */
    static int migrationFiles() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of("src/main/resources/db/migration"))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Flyway flyway(JdbcTemplate db, String target) {
        return Flyway.configure().dataSource(db.getDataSource()).locations("classpath:db/migration")
                .target(target == null ? MigrationVersion.LATEST : MigrationVersion.fromVersion(target)).load();
    }

    @Test
    void every_migration_runs_on_an_empty_postgresql_database() {
        JdbcTemplate db = freshDatabase("upgrade_empty");
        flyway(db, null).migrate();
        assertThat(db.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class)).isZero();
        assertThat(db.queryForObject("select max(installed_rank) from flyway_schema_history", Integer.class))
                .as("every file in db/migration").isEqualTo(migrationFiles());
        assertThat(db.queryForObject("select count(*) from shedlock", Integer.class)).isZero();
    }

    @Test
    void the_previous_release_schema_with_data_upgrades_and_keeps_the_data() {
        JdbcTemplate db = freshDatabase("upgrade_previous");
        flyway(db, PREVIOUS_RELEASE).migrate();
        assertThat(db.queryForObject("select max(version) from flyway_schema_history where version is not null", String.class))
                .isEqualTo(PREVIOUS_RELEASE);
        assertThat(db.queryForObject("select count(*) from information_schema.tables where table_name = 'shedlock'",
                Integer.class)).isZero();

        db.update("insert into app_user (username, display_name, email, password_hash, enabled, created_at, version) "
                + "values ('olga', 'Olga Owner', 'olga@example.com', '{bcrypt}x', true, now(), 0)");
        db.update("insert into team (code, name, manager_id, version) values ('grc', 'GRC', "
                + "(select id from app_user where username = 'olga'), 0)");
        db.update("insert into audit_program (name, name_key, framework, scope, iso_edition, owner_id, team_id, archived, "
                + "created_at, updated_at, version) values ('Acme ISO', 'acme iso', 'ISO27001', 'All of Acme', '2022', "
                + "(select id from app_user where username = 'olga'), (select id from team where code = 'grc'), false, now(), now(), 0)");
        db.update("insert into mail_outbox (dedup_key, category, recipient_email, subject, body_text, body_html, message_id, "
                + "status, attempts, resends, next_attempt_at, lease_owner, lease_until, created_at, updated_at) values "
                + "('k1', 'TEST', 'olga@example.com', 'Queued before the upgrade', 't', '<p>t</p>', '<m1@example.com>', "
                + "'SENDING', 1, 0, now(), 'old-node', now(), now(), now())");

        flyway(db, null).migrate();

        assertThat(db.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class)).isZero();
        assertThat(db.queryForObject("select name from audit_program where name_key = 'acme iso'", String.class))
                .isEqualTo("Acme ISO");
        assertThat(db.queryForObject("select u.email from audit_program p join app_user u on u.id = p.owner_id", String.class))
                .isEqualTo("olga@example.com");
        assertThat(db.queryForObject("select status || ' ' || lease_owner from mail_outbox where dedup_key = 'k1'", String.class))
                .isEqualTo("SENDING old-node");
        db.update("insert into shedlock (name, lock_until, locked_at, locked_by) values ('reminder-scan', now(), now(), 'n1')");
        assertThat(db.queryForObject("select count(*) from shedlock", Integer.class)).isEqualTo(1);
    }
}
