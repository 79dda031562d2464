package com.partnerworkspace.diagnostics;

import static com.partnerworkspace.testsupport.RepoFiles.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnerworkspace.testsupport.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every guide link the engine can emit ({@code system.Guides.of("guide", "section")} in its sources: problem
 * details, connection failures, the doctor's checks) and every link between the guides names a guide file in
 * {@code ui/public/guides/} and a section anchor ({@code {#section}}) that exists in it.
 */
class GuideLinksTest {

    private static final Path GUIDES = RepoFiles.path("ui/public/guides");
    private static final Path SOURCES = RepoFiles.path("engine/src/main/java");
    private static final Pattern GUIDE_OF = Pattern.compile("Guides\\.of\\(\\s*\"([^\"]+)\",\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern ANCHOR = Pattern.compile("\\{#([a-z0-9-]+)\\}\\s*$", Pattern.MULTILINE);
    private static final Pattern PROBLEM = Pattern.compile(
            "(?:(\\w+) = )?(Refusal\\.of|Refusal\\.titled|Problems\\.of)\\(\\s*HttpStatus\\.\\w+,\\s*\"([a-z0-9-]+)\"");
    private static final Pattern OAUTH_OR_BROKER = Pattern.compile("broker|oauth|login|step-up|redirect|code-|token");
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
        List<Path> guides = RepoFiles.in(GUIDES, ".md");
        assertThat(guides).hasSizeGreaterThanOrEqualTo(12);
        for (Path guide : guides) {
            String text = read(guide);
            assertThat(text).as("%s starts with its title", guide).startsWith("# ");
            List<String> anchors = anchors(text);
            assertThat(anchors).as("anchors of %s", guide).isNotEmpty().doesNotHaveDuplicates();
            String name = guide.getFileName().toString().replace(".md", "");
            Matcher matcher = MARKDOWN_LINK.matcher(text);
            while (matcher.find()) {
                String target =
                        matcher.group(1) == null ? name : matcher.group(1).substring("/diagnostics/guides/".length());
                assertResolves(
                        new Link(target, matcher.group(2), guide.getFileName().toString()));
            }
        }
    }

    /**
     * A problem about a broker, an OAuth login, a code or token, a redirect or an MFA step-up is one a partner can
     * often fix alone: each carries its guide section. Found in the sources as the slug of {@code Refusal.of},
     * {@code Refusal.titled} or {@code Problems.of}; the guide is a {@code with("guide", ...)} on the refusal, or a
     * {@code setProperty("guide", ...)} on the problem before it is returned. The states and failures of a
     * connection, whose slugs are not literals, are checked by {@code credentials.internal.FailureGuidesTest}.
     */
    @Test
    void everyOAuthOrBrokerProblemCarriesItsGuide() {
        List<String> found = new ArrayList<>();
        for (Path source : javaSources()) {
            String text = read(source);
            Matcher matcher = PROBLEM.matcher(text);
            while (matcher.find()) {
                String slug = matcher.group(3);
                if (!OAUTH_OR_BROKER.matcher(slug).find()) {
                    continue;
                }
                found.add(slug);
                String built = matcher.group(1) == null
                        ? text.substring(matcher.start(), text.indexOf(";\n", matcher.end()))
                        : text.substring(matcher.start(), text.indexOf("return", matcher.end()));
                assertThat(built)
                        .as("the problem %s (%s) carries its guide section", slug, SOURCES.relativize(source))
                        .containsPattern("(with|setProperty)\\(\\s*\"guide\",\\s*(Guides\\.of|[A-Za-z_.]+guide)");
            }
        }
        assertThat(found)
                .as("the scan found the OAuth and broker problems")
                .contains("broker-login-state-invalid", "rotation-needs-broker-login", "mfa-step-up-required");
    }

    @Test
    void everyGuideLinkInTheDocsResolves() {
        int links = 0;
        for (Path doc : RepoFiles.in(RepoFiles.path("docs"), ".md")) {
            Matcher matcher = MARKDOWN_LINK.matcher(read(doc));
            while (matcher.find()) {
                if (matcher.group(1) != null) {
                    links++;
                    assertResolves(new Link(
                            matcher.group(1).substring("/diagnostics/guides/".length()),
                            matcher.group(2),
                            "docs/" + doc.getFileName()));
                }
            }
        }
        assertThat(links).as("guide links in docs/").isGreaterThan(3);
    }

    @Test
    void thePartnerGuideIsServedWithTheGuidesForTheUiHelp() throws IOException {
        Path served = GUIDES.resolve("partner-onboarding.md");
        assertThat(Files.isSymbolicLink(served))
                .as("one file, two places: a link to docs/")
                .isTrue();
        assertThat(served.toRealPath())
                .isEqualTo(RepoFiles.path("docs/partner-onboarding.md").toRealPath());
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
        String index = read(RepoFiles.path("ui/src/app/diagnostics/guides.ts"));
        for (Path guide : RepoFiles.in(GUIDES, ".md")) {
            String slug = guide.getFileName().toString().replace(".md", "");
            String title = read(guide).lines().findFirst().orElseThrow().substring(2);
            assertThat(index).contains("{ slug: '" + slug + "', title: '" + title + "' }");
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
        return RepoFiles.under(SOURCES, ".java");
    }
}
