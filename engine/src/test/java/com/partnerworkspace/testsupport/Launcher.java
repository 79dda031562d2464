package com.partnerworkspace.testsupport;

import java.io.IOException;
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
        ProcessBuilder builder = new ProcessBuilder(command).directory(RealServers.REPO.toFile()).inheritIO();
        builder.environment().putAll(env);
        String described = "./workspace " + String.join(" ", args);
        try {
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(described + " timed out after " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(described + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(described + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(described + " interrupted", e);
        }
    }
}
