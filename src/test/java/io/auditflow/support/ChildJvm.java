package io.auditflow.support;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real second process: runs a main class of the test classpath in its own JVM, collects the
 * lines it prints, and can be killed the hard way ({@code kill -9}, no shutdown hooks).
 */
public final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }, "child-jvm-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass} with the test classpath; its output (stderr too) goes to {@code log}. */
    public static ChildJvm start(Class<?> mainClass, Path log, List<String> jvmOptions, String... args) throws IOException {
        return start(mainClass, log, jvmOptions, testClasspath(), args);
    }

    /**
     * Starts the application's own main class without the test classes on the class path (the test
     * classpath minus {@code target/test-classes}), so its component scan finds no test beans; the
     * test-scoped libraries stay.
     */
    public static ChildJvm startApplication(Class<?> mainClass, Path log, List<String> jvmOptions, String... args)
            throws IOException {
        String testClasses = Path.of("target", "test-classes").toAbsolutePath().normalize().toString();
        String classpath = java.util.Arrays.stream(testClasspath().split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).toAbsolutePath().normalize().toString().equals(testClasses))
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
        return start(mainClass, log, jvmOptions, classpath, args);
    }

    private static String testClasspath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static ChildJvm start(Class<?> mainClass, Path log, List<String> jvmOptions, String classpath, String... args)
            throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ChildJvm(builder.start());
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Waits until a printed line matches, or fails after the timeout (the process is killed then). */
    public String await(Predicate<String> match, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (String line : lines) {
                if (match.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive() && !reader.isAlive()) {
                throw new IllegalStateException("The child process ended (exit " + process.exitValue()
                        + ") without printing the line; it printed " + lines);
            }
            Thread.sleep(5);
        }
        killHard();
        throw new IllegalStateException("No matching line within " + timeout + "; printed " + lines);
    }

    /** kill -9: no shutdown hook, no flush, no clean close of anything. */
    public void killHard() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        reader.join(5000);
    }

    public int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            killHard();
            throw new IllegalStateException("The child process did not end within " + timeout + "; printed " + lines);
        }
        reader.join(5000);
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            killHard();
        }
    }
}
