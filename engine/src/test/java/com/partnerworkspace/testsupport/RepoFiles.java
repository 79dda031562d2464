package com.partnerworkspace.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's own files as tests read them (models, guides, docs, sources, the launcher): a missing
 * or unreadable file fails the test, so nothing here throws checked exceptions.
 */
public final class RepoFiles {

    /** The repository's root: the engine's tests run in {@code engine/} unless {@code workspace.repo-dir} says. */
    public static final Path ROOT = Path.of(System.getProperty("workspace.repo-dir", ".."))
            .toAbsolutePath()
            .normalize();

    private RepoFiles() {}

    /** {@code relative} to the repository's root, e.g. {@code "processes"}. */
    public static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files directly in {@code folder} whose names end with {@code suffix}, sorted. */
    public static List<Path> in(Path folder, String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            return endingWith(files, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files anywhere under {@code folder} whose names end with {@code suffix}, sorted. */
    public static List<Path> under(Path folder, String suffix) {
        try (Stream<Path> files = Files.walk(folder)) {
            return endingWith(files, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> endingWith(Stream<Path> files, String suffix) {
        return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                .sorted()
                .toList();
    }
}
