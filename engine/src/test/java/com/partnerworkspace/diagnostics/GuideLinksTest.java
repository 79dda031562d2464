package com.partnerworkspace.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every guide link the engine can emit ({@code system.Guides.of("guide", "section")} in its sources: problem
 * details, connection failures, the doctor's checks) and every link between the guides names a guide file in
 * {@code ui/public/guides/} and a section anchor ({@code {#section}}) that exists in it.
 */
class GuideLinksTest {

    private static final Path REPO = Path.of(System.getProperty("workspace.repo-dir", ".."));
    private static final Path GUIDES = REPO.resolve("ui/public/guides");
    private static final Path SOURCES = REPO.resolve("engine/src/main/java");
    private static final Pattern GUIDE_OF = Pattern.compile("Guides\\.of\\(\\s*\"([^\"]+)\",\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern ANCHOR = Pattern.compile("\\{#([a-z0-9-]+)\\}\\s*$", Pattern.MULTILINE);
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\((/diagnostics/guides/[^)#]+)?#([^)]+)\\)");

    record Link(String guide, String section, String from) {}

    @Test
    void everyGuideLinkTheEngineCanEmitNamesASectionThatExists() {
        List<Link> links = new ArrayList<>();
        for (Path source : javaSources()) {
            String text = read(source);
            assertThat(text)
                    .as("%s builds guide links with Guides.of(guide, section), not by hand", source)
                    .satisfies(t -> {
                        if (!source.endsWith("system/Guides.java")) {
                            assertThat(t).doesNotContain("\"/diagnostics/guides/");
                        }
                    });
            Matcher matcher = GUIDE_OF.matcher(text);
            while (matcher.find()) {
                links.add(new Link(
                        matcher.group(1),
                        matcher.group(2),
                        SOURCES.relativize(source).toString()));
            }
        }
        assertThat(links)
                .as("the scan found the links of failures, states and checks")
                .hasSizeGreaterThan(25);
        for (Link link : links) {
            assertResolves(link);
        }
    }

    @Test
    void everyLinkBetweenTheGuidesResolvesAndEachGuideHasItsAnchorsOnce() {
        try (Stream<Path> files = Files.list(GUIDES)) {
            List<Path> guides =
                    files.filter(file -> file.toString().endsWith(".md")).toList();
            assertThat(guides).hasSizeGreaterThanOrEqualTo(12);
            for (Path guide : guides) {
                String text = read(guide);
                assertThat(text).as("%s starts with its title", guide).startsWith("# ");
                List<String> anchors = anchors(text);
                assertThat(anchors).as("anchors of %s", guide).isNotEmpty().doesNotHaveDuplicates();
                String name = guide.getFileName().toString().replace(".md", "");
                Matcher matcher = MARKDOWN_LINK.matcher(text);
                while (matcher.find()) {
                    String target = matcher.group(1) == null
                            ? name
                            : matcher.group(1).substring("/diagnostics/guides/".length());
                    assertResolves(new Link(
                            target, matcher.group(2), guide.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theNewGuidesTheIssueAsksForExist() {
        for (String guide : List.of(
                "code-reused-or-expired", "insufficient-scope", "mfa-problems", "static-address", "daily-relogin")) {
            assertThat(GUIDES.resolve(guide + ".md")).exists();
        }
    }

    @Test
    void theUiListsEveryGuideUnderItsTitle() {
        String index = read(REPO.resolve("ui/src/app/diagnostics/guides.ts"));
        try (Stream<Path> files = Files.list(GUIDES)) {
            for (Path guide :
                    files.filter(file -> file.toString().endsWith(".md")).toList()) {
                String slug = guide.getFileName().toString().replace(".md", "");
                String title = read(guide).lines().findFirst().orElseThrow().substring(2);
                assertThat(index).contains("{ slug: '" + slug + "', title: '" + title + "' }");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertResolves(Link link) {
        Path file = GUIDES.resolve(link.guide() + ".md");
        assertThat(file)
                .as("guide of %s#%s (from %s)", link.guide(), link.section(), link.from())
                .exists();
        assertThat(new HashSet<>(anchors(read(file))))
                .as("sections of %s (linked from %s)", link.guide(), link.from())
                .contains(link.section());
    }

    private static List<String> anchors(String markdown) {
        List<String> anchors = new ArrayList<>();
        Matcher matcher = ANCHOR.matcher(markdown);
        while (matcher.find()) {
            anchors.add(matcher.group(1));
        }
        return anchors;
    }

    private static List<Path> javaSources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
