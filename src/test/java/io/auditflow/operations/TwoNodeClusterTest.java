package io.auditflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.auditflow.AuditflowApplication;
import io.auditflow.support.ChildJvm;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15 item 2: two real application processes (child JVMs, profile {@code postgres}) on one
 * embedded PostgreSQL, both job executors and both reminder schedules on, one shared evidence
 * directory, mail to one GreenMail server. Work goes through both nodes' REST API; node B is killed
 * with {@code kill -9} while it holds mail leases or engine jobs. Then the database and GreenMail
 * show that no lifecycle, task, timer or mail was lost or doubled, and that the reminder scan ran on
 * one node at a time, at most once per tick (ShedLock, decision 0100; mail window, decision 0040).
 *
 * <p>The children use the real clock: the certificates are dated relative to today so that the
 * near programs' "at risk" timers are already due (they fire at once on either node) and the far
 * programs' timers lie months ahead.
 */
class TwoNodeClusterTest {

    static final String ADMIN = "cluster-admin";
    static final String PASSWORD = "a long secret for the cluster 2026";
    static final int MEMBERS = 24;
    static final int NEAR = 6;
    static final int FAR = 6;
    static final Duration TICK = Duration.ofSeconds(2);
    static final int CONNECTIONS = 4;
    static final Path LOGS = Path.of("target", "two-node");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final ObjectMapper json = new ObjectMapper();
    final LocalDate today = LocalDate.now(Clock.systemUTC());

    EmbeddedPostgres postgres;
    JdbcTemplate db;
    GreenMail smtp;
    int smtpPort;
    /** Node B's way to the SMTP server: each connection answered only after half a second (see {@link SlowRelay}). */
    SlowRelay slowSmtp;
    ChildJvm nodeA;
    ChildJvm nodeB;

    @BeforeEach
    void startDatabaseAndMail() throws Exception {
        Files.createDirectories(LOGS);
        postgres = EmbeddedPostgres.builder().start();
        db = new JdbcTemplate(postgres.getPostgresDatabase());
        smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        slowSmtp = new SlowRelay(smtpPort, Duration.ofMillis(500));
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (ChildJvm node : new ChildJvm[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        saveLog("node-a", nodeA);
        saveLog("node-b", nodeB);
        if (slowSmtp != null) {
            slowSmtp.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void two_nodes_share_the_work_and_after_one_is_killed_nothing_is_lost_or_done_twice() throws Exception {
        long t0 = System.nanoTime();
        int portA = freePort();
        int portB = freePort();
        // One node first: it migrates the empty database (Flyway, then Camunda's schema) and creates the
        // first admin, as the upgrade procedure in docs/operations.md says; the second joins a ready schema.
        nodeA = startNode("node-a", portA, smtpPort);
        String a = "http://127.0.0.1:" + portA;
        String b = "http://127.0.0.1:" + portB;
        awaitHealth(a, nodeA);
        // Node B sends through a relay that answers each connection after 500 ms, like a distant SMTP server: on a
        // quiet machine a node leased and sent a whole batch between two of the polls below, and the test never
        // caught node B holding leases (CI, 2026-12-01). Node A keeps the direct way.
        nodeB = startNode("node-b", portB, slowSmtp.port());
        awaitHealth(b, nodeB);
        double started = (System.nanoTime() - t0) / 1e9;

        String basic = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = send(a, "POST", "/api/me/tokens", basic, Map.of("name", "two-node test"));
        assertThat(token.statusCode()).as(token.body()).isIn(200, 201);
        String bearer = "Bearer " + json.readTree(token.body()).path("token").asText();
        ok(send(b, "PUT", "/api/admin/teams/grc", bearer, Map.of("name", "GRC", "manager", ADMIN)));
        for (int i = 0; i < MEMBERS; i++) {
            ok(send(i % 2 == 0 ? a : b, "POST", "/api/admin/users", bearer, Map.of("username", "member" + i,
                    "displayName", "Member " + i, "email", "member" + i + "@cluster.example", "password", PASSWORD,
                    "roles", List.of("COMPLIANCE_MEMBER"), "teams", List.of("grc"))));
        }

        // Wave 1: certificates whose surveillance deadline is 20 days away, so "at risk" is already due.
        Map<Long, String> near = new LinkedHashMap<>();
        for (int i = 0; i < NEAR; i++) {
            long id = startLifecycle(i % 2 == 0 ? a : b, bearer, "Near " + i, today.minusMonths(12).plusDays(20), near);
            assertThat(id).isPositive();
        }
        // Evidence uploaded through node B lands in the directory both nodes share.
        String evidenceTask = awaitTask(near.values().iterator().next(), "Task_ManagementReview");
        byte[] evidenceBytes = ("Management review minutes " + today + "\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> uploaded = upload(b, "/api/tasks/" + evidenceTask + "/evidence", bearer, "minutes.txt", evidenceBytes);
        ok(uploaded);
        long evidenceId = json.readTree(uploaded.body()).path(0).path("id").asLong();

        // Wave 2 goes through node A while node B sends the first reminders: deadlines 10 months away.
        Map<Long, String> far = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
        java.util.concurrent.CompletableFuture<Void> wave2 = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < FAR; i++) {
                    startLifecycle(a, bearer, "Far " + i, today.minusMonths(2), far);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // kill -9 node B while it holds mail leases if it can be caught doing so, but not in the middle of a
        // reminder scan (a node that dies inside the scan blocks it for its 30-minute "at most" by design, decision
        // 0100; after a scan the lock is only kept for the rest of the tick). Whether mails are still in flight at
        // this point depends on the machine's speed: on a quiet machine both nodes had sent everything already and
        // the test waited in vain (CI, 2026-12-01). So after 30 s node B is killed anyway, outside a scan, while
        // wave 2 and the job executors run; the outbox's own crash is tested without a race by OutboxCrashTest.
        Map<String, Object> atKill = null;
        boolean caughtWithLeases = false;
        long tryUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long killBy = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < killBy) {
            Map<String, Object> s = db.queryForMap("select "
                    + "(select count(*) from mail_outbox where status = 'SENDING' and lease_owner = 'node-b') as leased_mails, "
                    + "(select count(*) from act_ru_job where lock_owner_ is not null and lock_exp_time_ > now()) as locked_jobs, "
                    + "(select count(*) from shedlock where name = 'reminder-scan' and locked_by = 'node-b' "
                    + "   and lock_until > now() + interval '10 seconds') as scanning_on_b");
            boolean leases = ((Number) s.get("leased_mails")).intValue() > 0;
            boolean outsideScan = ((Number) s.get("scanning_on_b")).intValue() == 0;
            if (outsideScan && (leases || System.nanoTime() > tryUntil)) {
                nodeB.killHard();
                atKill = s;
                caughtWithLeases = leases;
                break;
            }
            Thread.sleep(3);
        }
        assertThat(atKill).as("node B was killed outside a reminder scan within 90 s").isNotNull();
        System.out.println("TwoNodeClusterTest: node B killed " + (caughtWithLeases ? "holding mail leases" : "with no mail in flight")
                + ": " + atKill);
        wave2.get(120, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(far).hasSize(FAR);
        int receivedAtKill = smtp.getReceivedMessages().length;
        long killedAt = System.nanoTime();

        // Node A alone finishes: tasks completed through it, B's job locks and mail leases expire (10 s here).
        for (Map.Entry<Long, String> e : List.copyOf(near.entrySet()).subList(0, 3)) {
            String task = awaitTask(e.getValue(), "Task_InternalAudit");
            ok(send(a, "POST", "/api/tasks/" + task + "/claim", bearer, null));
            ok(send(a, "POST", "/api/tasks/" + task + "/complete", bearer,
                    Map.of("internalAuditDate", today.toString(), "internalNonconformities", 0)));
        }
        awaitTrue("no engine job left but timers, and every mail sent", Duration.ofSeconds(120), () ->
                db.queryForObject("select count(*) from act_ru_job where type_ <> 'timer' or duedate_ < now()", Integer.class) == 0
                        && db.queryForObject("select count(*) from mail_outbox where status <> 'SENT'", Integer.class) == 0
                        && db.queryForObject("select count(*) from mail_outbox", Integer.class) > 0);
        // one more scan after the last completion, so every reminder that is due has been queued and sent
        Thread.sleep(TICK.multipliedBy(3).toMillis());
        awaitTrue("every mail sent", Duration.ofSeconds(60), () ->
                db.queryForObject("select count(*) from mail_outbox where status <> 'SENT'", Integer.class) == 0);

        // Lifecycles: one running ISO 27001 process per program, none lost, none doubled.
        Map<String, Integer> perProgram = new HashMap<>();
        db.query("select e.business_key_, count(*) from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_ "
                        + "where e.id_ = e.proc_inst_id_ and d.key_ = 'iso27001CertificationProcess' group by e.business_key_",
                rs -> {
                    perProgram.put(rs.getString(1), rs.getInt(2));
                });
        assertThat(perProgram).hasSize(NEAR + FAR).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));

        // Per process instance: exactly the expected user tasks and timers, each service step run once.
        List<String> completed = List.copyOf(near.values()).subList(0, 3);
        for (String pi : near.values()) {
            boolean done = completed.contains(pi);
            assertThat(userTasks(pi)).as("tasks of near " + pi).containsExactlyInAnyOrderElementsOf(done
                    ? List.of("Task_ManagementReview") : List.of("Task_InternalAudit", "Task_ManagementReview"));
            assertThat(timers(pi)).as("timers of near " + pi).containsExactly("Timer_AuditDeadline");
            assertThat(ranTimes(pi, "ServiceTask_MarkAtRisk")).as("at-risk step of " + pi).isEqualTo(1);
        }
        for (String pi : far.values()) {
            assertThat(userTasks(pi)).as("tasks of far " + pi).containsExactlyInAnyOrder("Task_InternalAudit", "Task_ManagementReview");
            assertThat(timers(pi)).as("timers of far " + pi).containsExactlyInAnyOrder("Timer_AuditAtRisk", "Timer_AuditDeadline");
            assertThat(ranTimes(pi, "ServiceTask_MarkAtRisk")).as("at-risk step of " + pi).isZero();
        }
        for (String pi : concat(near.values(), far.values())) {
            assertThat(ranTimes(pi, "ServiceTask_PlanCertification")).as("planned once: " + pi).isEqualTo(1);
            assertThat(ranTimes(pi, "ServiceTask_PrepareAudit")).as("audit prepared once: " + pi).isEqualTo(1);
        }
        assertThat(db.queryForObject("select count(*) from act_ru_incident", Integer.class)).as("incidents").isZero();
        assertThat(db.queryForObject("select count(*) from act_ru_job where retries_ = 0", Integer.class)).as("failed jobs").isZero();

        // Engine jobs: each executed successfully once, by one of the two nodes, and both nodes did some.
        assertThat(db.queryForList("select job_id_ from act_hi_job_log where job_state_ = 2 group by job_id_ having count(*) > 1",
                String.class)).as("jobs that succeeded twice").isEmpty();
        Map<String, Integer> jobsByNode = new HashMap<>();
        db.query("select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_",
                rs -> {
                    jobsByNode.put(rs.getString(1), rs.getInt(2));
                });
        assertThat(jobsByNode.keySet()).containsExactlyInAnyOrder("node-a", "node-b");

        // The evidence file that node B stored is there, byte for byte, for node A.
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(a + "/api/evidence/" + evidenceId + "/content"))
                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(evidenceBytes);

        // Mail: every queued mail sent; at most one duplicate per SMTP connection of the killed node.
        int queued = db.queryForObject("select count(*) from mail_outbox", Integer.class);
        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, Integer> perMessageId = new HashMap<>();
        for (MimeMessage m : received) {
            perMessageId.merge(m.getMessageID(), 1, Integer::sum);
        }
        List<String> queuedIds = db.queryForList("select message_id from mail_outbox", String.class);
        assertThat(perMessageId.keySet()).containsExactlyInAnyOrderElementsOf(queuedIds.stream().map(TwoNodeClusterTest::angled).toList());
        int duplicates = received.length - queued;
        assertThat(duplicates).as("mails sent twice after kill -9").isBetween(0, CONNECTIONS);
        assertThat(db.queryForList("select lease_owner from mail_outbox where lease_owner is not null", String.class)).isEmpty();

        // Scans: the reminder scan ran on one node at a time, at most once per tick across both nodes.
        List<ScanRun> runs = new ArrayList<>(scanRuns("node-a", nodeA));
        runs.addAll(scanRuns("node-b", nodeB));
        runs.sort((x, y) -> x.at().compareTo(y.at()));
        assertThat(runs).as("reminder scans").hasSizeGreaterThan(5);
        for (int i = 1; i < runs.size(); i++) {
            Duration gap = Duration.between(runs.get(i - 1).at(), runs.get(i).at());
            // the lock is kept 90 % of a tick (1.8 s) after each run; 100 ms of slack for two JVMs' log clocks
            assertThat(gap).as("between scan %s and %s", runs.get(i - 1), runs.get(i))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(1700));
        }
        Duration window = Duration.between(runs.get(0).at(), runs.get(runs.size() - 1).at());
        assertThat(runs.size() - 1L).as("scans per 1.8 s across both nodes").isLessThanOrEqualTo(window.toMillis() / 1800);
        long byB = runs.stream().filter(r -> r.node().equals("node-b")).count();
        // both schedules ticked: the ticks that found the scan taken by the other node skipped it
        long skipped = concat(nodeA.lines(), nodeB.lines()).stream().filter(l -> l.contains("Not executing 'reminder-scan'")).count();
        assertThat(skipped).as("ticks that found the scan locked by the other node").isPositive();

        System.out.printf("TwoNodeClusterTest: both nodes healthy after %.1f s; %d lifecycles; at kill -9: %s, %d mails "
                        + "received; %d mails queued, %d received (%d duplicates); %d reminder scans (%d on node B, %d ticks skipped) over %d s; "
                        + "jobs run per node %s; finished %.1f s after the kill%n", started, perProgram.size(), atKill, receivedAtKill, queued,
                received.length, duplicates, runs.size(), byB, skipped, window.toSeconds(), jobsByNode, (System.nanoTime() - killedAt) / 1e9);
    }

    record ScanRun(String node, OffsetDateTime at) {
    }

    /** ShedLock's own debug line "Locked 'reminder-scan', ..." with the log line's time. */
    static List<ScanRun> scanRuns(String node, ChildJvm jvm) {
        Pattern locked = Pattern.compile("^(\\S+)\\s.*Locked 'reminder-scan'.*");
        List<ScanRun> runs = new ArrayList<>();
        for (String line : jvm.lines()) {
            Matcher m = locked.matcher(line);
            if (m.matches()) {
                runs.add(new ScanRun(node, OffsetDateTime.parse(m.group(1))));
            }
        }
        return runs;
    }

    private long startLifecycle(String node, String bearer, String name, LocalDate decisionDate, Map<Long, String> into)
            throws Exception {
        HttpResponse<String> program = send(node, "POST", "/api/programs", bearer, Map.of("name", name, "framework",
                "ISO27001", "scope", "Everything", "isoEdition", "2022", "owner", ADMIN, "team", "grc"));
        ok(program);
        long id = json.readTree(program.body()).path("id").asLong();
        HttpResponse<String> started = send(node, "POST", "/api/programs/" + id + "/lifecycle", bearer,
                Map.of("isoStart", "EXISTING", "decisionDate", decisionDate.toString()));
        ok(started);
        into.put(id, json.readTree(started.body()).path("processInstanceId").asText());
        return id;
    }

    private List<String> userTasks(String pi) {
        return db.queryForList("select task_def_key_ from act_ru_task where proc_inst_id_ = ?", String.class, pi);
    }

    private List<String> timers(String pi) {
        return db.queryForList("select d.act_id_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
                + "where j.process_instance_id_ = ? and j.type_ = 'timer'", String.class, pi);
    }

    private int ranTimes(String pi, String activity) {
        return db.queryForObject("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = ? "
                + "and end_time_ is not null", Integer.class, pi, activity);
    }

    private String awaitTask(String pi, String key) throws InterruptedException {
        awaitTrue(key + " of " + pi, Duration.ofSeconds(60), () -> !db.queryForList(
                "select id_ from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?", String.class, pi, key).isEmpty());
        return db.queryForObject("select id_ from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?", String.class, pi, key);
    }

    private ChildJvm startNode(String name, int port, int mailPort) throws IOException {
        Path evidence = LOGS.resolve("shared-evidence").toAbsolutePath();
        Files.createDirectories(evidence);
        List<String> args = List.of(
                "--spring.profiles.active=postgres",
                "--DB_URL=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--DB_USER=postgres",
                "--DB_PASSWORD=",
                "--server.port=" + port,
                "--auditflow.node-id=" + name,
                "--auditflow.base-url=https://audit.cluster.example",
                "--auditflow.evidence.directory=" + evidence,
                "--auditflow.bootstrap-admin.username=" + ADMIN,
                "--auditflow.bootstrap-admin.password=" + PASSWORD,
                "--auditflow.bootstrap-admin.email=" + ADMIN + "@cluster.example",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mailPort,
                // short ticks, leases and job locks so the test sees a failover in seconds, not minutes
                "--auditflow.reminders.tick=" + TICK.toMillis() + "ms",
                "--auditflow.reminders.digest-hour=0",
                "--auditflow.mail.lease=10s",
                "--camunda.bpm.job-execution.enabled=true",
                // the engine writes this name into its job log (act_hi_job_log.hostname_): which node ran each job
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=2000",
                "--logging.level.net.javacrumbs.shedlock=debug",
                "--vaadin.launch-browser=false",
                "--vaadin.devmode.devTools.enabled=false");
        return ChildJvm.startApplication(AuditflowApplication.class, LOGS.resolve(name + ".err.log"),
                List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), args.toArray(String[]::new));
    }

    private void awaitHealth(String base, ChildJvm node) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < end) {
            assertThat(node.isAlive()).as("the node runs (see target/two-node/)").isTrue();
            try {
                HttpResponse<String> r = send(base, "GET", "/actuator/health/readiness", null, null);
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No readiness UP at " + base + " within 4 minutes");
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            Thread.sleep(100);
        }
    }

    private HttpResponse<String> send(String base, String method, String path, String auth, Object body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (auth != null) {
            r.header("Authorization", auth);
        }
        if (body == null) {
            r.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            r.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String base, String path, String auth, String fileName, byte[] content) throws Exception {
        String boundary = "----twonode" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": "
                + response.body()).isBetween(200, 204);
    }

    private static String angled(String messageId) {
        return messageId.startsWith("<") ? messageId : "<" + messageId + ">";
    }

    private static List<String> concat(java.util.Collection<String> x, java.util.Collection<String> y) {
        List<String> all = new ArrayList<>(x);
        all.addAll(y);
        return all;
    }

    private void saveLog(String name, ChildJvm node) throws IOException {
        if (node != null) {
            Files.write(LOGS.resolve(name + ".log"), node.lines(), StandardCharsets.UTF_8);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * A TCP relay to the SMTP server that lets each new connection wait {@code delay} before any byte passes (the
     * server's greeting included), so a node sending through it holds its mail leases for at least that long.
     */
    static final class SlowRelay implements AutoCloseable {

        private final ServerSocket server;
        private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "slow-smtp-relay");
            t.setDaemon(true);
            return t;
        });

        SlowRelay(int targetPort, Duration delay) throws IOException {
            server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            threads.submit(() -> {
                while (!server.isClosed()) {
                    try {
                        java.net.Socket client = server.accept();
                        threads.submit(() -> relay(client, targetPort, delay));
                    } catch (IOException e) {
                        return; // closed
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        private void relay(java.net.Socket client, int targetPort, Duration delay) {
            try (client; java.net.Socket upstream = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), targetPort)) {
                Thread.sleep(delay.toMillis());
                threads.submit(() -> {
                    try {
                        client.getInputStream().transferTo(upstream.getOutputStream());
                        upstream.shutdownOutput();
                    } catch (IOException e) {
                        // the other side closed (a killed node drops its connection)
                    }
                });
                upstream.getInputStream().transferTo(client.getOutputStream());
            } catch (IOException e) {
                // a killed node drops its connection mid-mail: the server never sees that mail end
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }
}
