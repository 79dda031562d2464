package com.partnerworkspace.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's {@code ./workspace} launcher, so tests start servers exactly as the stack does. */
public final class Launcher {

    private Launcher() {}

    public static void run(Map<String, String> env, String... args) {
        run(env, Duration.ofMinutes(5), args);
    }

    public static void run(Map<String, String> env, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(RealServers.REPO.resolve("workspace").toString());
        command.addAll(List.of(args));
        // Not inheritIO: Surefire's fork channel breaks when a child writes to the JVM's own stdout.
        Path output = Path.of("target", "launcher.log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(RealServers.REPO.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().putAll(env);
        String described = "./workspace " + String.join(" ", args);
        try {
            Files.createDirectories(output.getParent());
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(described + " timed out after " + timeout + "; see " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        described + " failed with exit code " + process.exitValue() + "; see " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(described + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(described + " interrupted", e);
        }
    }
}
