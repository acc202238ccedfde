package io.auditflow.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 7 (startup): {@code deploy/run.sh} as operations.md documents it, on the production jar
 * ({@code target/*.jar}, built in the package phase; this runs in failsafe's integration-test phase) with
 * the embedded default in an empty directory. The first start unpacks the jar and trains the class
 * archive; the second start must really map its classes from that archive (the JVM's class-load log
 * says "shared objects file" for each), not silently fall back to reading the jar. The training start runs to
 * ready and serves one request before it stops (decision 0180), so request classes are archived as well.
 */
class FastStartIT {

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_second_start_through_run_sh_loads_its_classes_from_the_archive_the_first_one_trained() throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("auditflow-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("No production jar in target/: run the package phase first"))
                    .toAbsolutePath();
        }
        Path dir = Path.of("target", "fast-start-it").toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        Path script = Path.of("deploy", "run.sh").toAbsolutePath();

        double first = start(script, jar, dir, "-Xmx1g", "first");
        Path cache = dir.resolve("data/cds");
        assertThat(cache.resolve("app.jsa")).as("the class archive trained by the first start").exists();
        assertThat(cache.resolve("app").resolve(jar.getFileName())).as("the unpacked application jar").exists();
        assertThat(cache.resolve("stamp")).as("the jar and JVM the cache belongs to").exists();

        Path classLog = dir.resolve("class-load.log");
        double second = start(script, jar, dir, "-Xmx1g -Xlog:class+load=info:file=" + classLog, "second");
        List<String> lines = Files.readAllLines(classLog);
        long shared = lines.stream().filter(l -> l.contains("source: shared objects file")).count();
        long application = lines.stream().filter(l -> l.contains("io.auditflow.")).count();
        long sharedApplication = lines.stream()
                .filter(l -> l.contains("io.auditflow.") && l.contains("source: shared objects file")).count();
        System.out.printf("FastStartIT: first start (unpack, train, start) %.1f s, second start %.1f s; "
                + "%d of %d classes from the archive%n", first, second, shared, lines.size());
        Files.writeString(Path.of("target", "fast-start.txt"), String.format("first %.1f s, second %.1f s%n", first, second));
        assertThat(shared).as("classes mapped from the archive").isGreaterThan(10_000);
        assertThat(sharedApplication).as("Auditflow's own classes come from the archive too")
                .isGreaterThan(application / 2);
        // decision 0180: the training start ran to ready and answered a request, so the classes that only a
        // request loads (Tomcat's HTTP/1.1 processor) were archived too, not only those of the context refresh
        assertThat(Files.readString(cache.resolve("training.log"))).as("the training start stopped itself after ready")
                .contains("Training start done");
        assertThat(lines).as("a class that only the first request loads comes from the archive")
                .anySatisfy(l -> assertThat(l).contains("org.apache.coyote.http11.Http11Processor ")
                        .contains("source: shared objects file"));
    }

    /** Starts through run.sh, waits for health UP, stops it; seconds until UP. */
    private double start(Path script, Path jar, Path dir, String javaOpts, String name) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java");
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString(), jar.toString(), "--server.port=" + port)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().put("JAVA", java);
        builder.environment().put("JAVA_OPTS", javaOpts);
        builder.environment().put("AUDITFLOW_NODE_ID", "fast-start-it");
        long started = System.nanoTime();
        Process app = builder.start();
        try {
            waitForHealth("http://localhost:" + port, app, Duration.ofMinutes(8), dir.resolve(name + ".log"));
            return (System.nanoTime() - started) / 1e9;
        } finally {
            app.toHandle().descendants().forEach(ProcessHandle::destroy);
            app.toHandle().destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                app.toHandle().destroyForcibly();
            }
        }
    }

    private void waitForHealth(String base, Process app, Duration timeout, Path log) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            assertThat(app.isAlive()).as("run.sh is running (see " + log + ")").isTrue();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No health UP within " + timeout + " (see " + log + ")");
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
