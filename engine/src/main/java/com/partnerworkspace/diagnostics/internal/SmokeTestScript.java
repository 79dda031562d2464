package com.partnerworkspace.diagnostics.internal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Tracing;
import com.microsoft.playwright.options.AriaRole;
import com.partnerworkspace.broker.Broker;
import com.partnerworkspace.broker.BrokerAdapter.Keys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One run of the smoke test in a browser, the way a person logs in: the workspace, Keycloak (password, then
 * the one-time code: the run asks for the MFA level), the broker's login for a new connection made with the
 * keys of the partner's connection, and back to that connection shown Active; the connection is revoked
 * afterwards. Each step is timed and ends with a screenshot whose secret fields are masked; the whole run is
 * traced and the trace scrubbed ({@link TraceScrubber}). Every wait is bounded by what is left of the
 * deadline.
 */
final class SmokeTestScript {

    /** The fields a screenshot must never show: passwords, one-time codes, broker keys. */
    static final String SECRET_FIELDS = "input[type=password], input.secret, input[name=otp], input#otp,"
            + " input[autocomplete=one-time-code], input[name=totp]";

    private static final int STEP_LIMIT_MS = 20_000;
    /** A wait that ended this close to the deadline ended because of it. */
    private static final long DEADLINE_SLACK_MS = 250;

    private static final double SCREENSHOT_MS = 5_000;
    /** Past the deadline a screenshot gets little time: a page that never loaded may never paint. */
    private static final double LATE_SCREENSHOT_MS = 2_000;

    private static final double CLEAN_UP_MS = 10_000;

    /** What a run needs; {@code toString} names no secret. */
    record Plan(
            String workspaceUrl,
            String realm,
            SmokeTestUsers.Login login,
            Broker broker,
            Keys keys,
            String label,
            long deadlineNanos) {

        List<String> secrets() {
            List<String> secrets = new ArrayList<>(login.secrets());
            secrets.add(keys.apiSecret());
            return secrets;
        }

        @Override
        public String toString() {
            return "Plan[" + login.username() + ", " + broker.id() + "]";
        }
    }

    /** What a run leaves: each step, the artifacts, and whether it ran out of time. */
    record Outcome(
            List<SmokeTest.Step> steps, List<SmokeTestStore.Artifact> artifacts, boolean timedOut, String trace) {

        boolean passed() {
            return steps.stream().allMatch(step -> step.status().equals("PASSED"));
        }
    }

    private interface Action {
        void run(Page page);
    }

    private final Plan plan;
    private final Clock clock;
    private final OneTimeCodes codes;
    private final List<SmokeTestStore.Artifact> artifacts = new ArrayList<>();

    SmokeTestScript(Plan plan, Clock clock, OneTimeCodes codes) {
        this.plan = plan;
        this.clock = clock;
        this.codes = codes;
    }

    Outcome run(Browser browser) {
        List<SmokeTest.Step> steps = new ArrayList<>();
        boolean timedOut = false;
        String trace = null;
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            context.tracing()
                    .start(new Tracing.StartOptions()
                            .setScreenshots(false) // frames would show what is typed; steps have masked screenshots
                            .setSnapshots(true)
                            .setSources(false));
            Page page = context.newPage();
            List<Action> actions =
                    List.of(this::openWorkspace, this::logInAtKeycloak, this::logInAtBroker, this::seeActive);
            boolean failed = false;
            for (int i = 0; i < actions.size(); i++) {
                String name = SmokeTest.STEP_NAMES.get(i);
                if (failed) {
                    steps.add(new SmokeTest.Step(name, "SKIPPED", null, null, null, null));
                    continue;
                }
                SmokeTest.Step step = step(page, i, name, actions.get(i));
                steps.add(step);
                failed = !step.status().equals("PASSED");
                timedOut = failed && remainingMs() <= DEADLINE_SLACK_MS;
            }
            if (!failed) {
                revokeQuietly(page);
            }
            trace = keepTrace(context);
        }
        return new Outcome(steps, List.copyOf(artifacts), timedOut, trace);
    }

    private SmokeTest.Step step(Page page, int index, String name, Action action) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        String failure = null;
        long left = remainingMs();
        if (left <= 0) {
            failure = "The run's deadline passed before this step.";
        } else {
            page.setDefaultTimeout(Math.min(left, STEP_LIMIT_MS));
            page.setDefaultNavigationTimeout(Math.min(left, STEP_LIMIT_MS));
            try {
                action.run(page);
            } catch (StepFailed e) {
                failure = e.getMessage();
            } catch (PlaywrightException e) {
                failure = remainingMs() <= DEADLINE_SLACK_MS
                        ? "The run's deadline passed during this step."
                        : "The page did not get there (" + where(page) + "): " + reason(e);
            }
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        String screenshot = screenshot(page, index, name);
        return new SmokeTest.Step(
                name, failure == null ? "PASSED" : "FAILED", startedAt, durationMs, screenshot, masked(failure));
    }

    // ---- the steps ----

    private void openWorkspace(Page page) {
        page.navigate(plan.workspaceUrl() + "/credentials");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL(Pattern.compile(".*/realms/" + Pattern.quote(plan.realm()) + "/.*"));
    }

    private void logInAtKeycloak(Page page) {
        // The smoke test proves the whole login, the one-time code too: it asks Keycloak for the MFA level.
        if (!page.url().contains("acr_values=")) {
            page.navigate(page.url() + "&acr_values=mfa");
        }
        page.getByLabel("Username or email").fill(plan.login().username());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill(plan.login().password());
        signIn(page);
        Locator otp = page.getByLabel("One-time code", new Page.GetByLabelOptions().setExact(true));
        awaitEither(page, otp, "Keycloak refused the synthetic user's password");
        otp.fill(codes.unusedCode(plan.login().username(), plan.login().totpSeed(), remainingMs()));
        signIn(page);
        Locator heading = page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Credentials"));
        awaitEither(page, heading, "Keycloak refused the synthetic user's one-time code");
    }

    private void logInAtBroker(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add connection"))
                .click();
        page.getByLabel("Broker").click();
        page.getByRole(
                        AriaRole.OPTION,
                        new Page.GetByRoleOptions().setName(plan.broker().name()))
                .click();
        page.getByLabel("Label").fill(plan.label());
        page.getByLabel(plan.broker().apiKeyLabel(), new Page.GetByLabelOptions().setExact(true))
                .fill(plan.keys().apiKey());
        page.getByLabel(plan.broker().apiSecretLabel(), new Page.GetByLabelOptions().setExact(true))
                .fill(plan.keys().apiSecret());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to broker login"))
                .click();
        page.waitForURL(url -> url.startsWith(plan.broker().loginUrl().toString()));
        page.getByLabel("Username or email").fill(plan.login().brokerUsername());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                .fill(plan.login().brokerPassword());
        signIn(page);
        Locator verified = page.getByText("Connection verified");
        awaitEither(page, verified, "The broker refused the test login");
    }

    private void seeActive(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close"))
                .click();
        Locator state = card(page).locator("[data-state]");
        state.waitFor();
        page.waitForCondition(() -> state.textContent().strip().equals("Active"));
    }

    /** The smoke test's own connection is not kept: revoked at the broker and in Vault, as a partner would. */
    private void revokeQuietly(Page page) {
        try {
            page.setDefaultTimeout(CLEAN_UP_MS);
            card(page)
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke"))
                    .click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke connection"))
                    .click();
            card(page)
                    .locator("[data-state]")
                    .filter(new Locator.FilterOptions().setHasText("Revoked"))
                    .waitFor();
        } catch (PlaywrightException e) {
            // The run's verdict stands; the partner can revoke the leftover connection from its card.
        }
    }

    private Locator card(Page page) {
        return page.getByRole(AriaRole.LISTITEM, new Page.GetByRoleOptions().setName(plan.label()));
    }

    private static void signIn(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign In"))
                .click();
    }

    /** Waits for {@code expected}, or fails at once with Keycloak's own error message when it shows one. */
    private static void awaitEither(Page page, Locator expected, String refusal) {
        // Keycloak keeps empty, hidden error containers on every form: only a visible one is an error.
        Locator error = page.locator("[id^=input-error]:visible, .kc-feedback-text:visible, .alert-error:visible")
                .first();
        page.waitForCondition(() -> expected.first().isVisible() || error.isVisible());
        if (!expected.first().isVisible()) {
            throw new StepFailed(
                    refusal + ": \"" + firstLine(error.textContent()).strip() + "\"");
        }
    }

    // ---- artifacts ----

    private String screenshot(Page page, int index, String name) {
        String artifact = "step-" + (index + 1) + "-" + name + ".png";
        try {
            byte[] png = page.screenshot(new Page.ScreenshotOptions()
                    .setMask(List.of(page.locator(SECRET_FIELDS)))
                    .setTimeout(remainingMs() > SCREENSHOT_MS ? SCREENSHOT_MS : LATE_SCREENSHOT_MS));
            artifacts.add(new SmokeTestStore.Artifact(artifact, "image/png", png));
            return artifact;
        } catch (PlaywrightException e) {
            return null;
        }
    }

    private String keepTrace(BrowserContext context) {
        Path file = null;
        try {
            file = Files.createTempFile("smoke-trace", ".zip");
            context.tracing().stop(new Tracing.StopOptions().setPath(file));
            byte[] scrubbed = TraceScrubber.scrub(Files.readAllBytes(file), plan.secrets());
            artifacts.add(new SmokeTestStore.Artifact("trace.zip", "application/zip", scrubbed));
            return "trace.zip";
        } catch (IOException | PlaywrightException e) {
            return null;
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private long remainingMs() {
        return TimeUnit.NANOSECONDS.toMillis(plan.deadlineNanos() - System.nanoTime());
    }

    private String masked(String failure) {
        if (failure == null) {
            return null;
        }
        String text = failure;
        for (String form : TraceScrubber.formsOf(plan.secrets())) {
            text = text.replace(form, TraceScrubber.MASK);
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Playwright's own reason, e.g. "Timeout 20000ms exceeded.", without its call log. */
    private static String reason(PlaywrightException e) {
        String text = String.valueOf(e.getMessage());
        int start = text.indexOf("message='");
        return firstLine(start < 0 ? text : text.substring(start + "message='".length()));
    }

    /** The page's address without its query or fragment, which may carry OAuth codes. */
    private static String where(Page page) {
        String url = page.url();
        int cut = url.indexOf('?');
        cut = cut < 0 ? url.indexOf('#') : cut;
        return cut < 0 ? url : url.substring(0, cut);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** A step that failed for a reason the page told us. */
    static final class StepFailed extends RuntimeException {
        StepFailed(String message) {
            super(message, null, false, false);
        }
    }
}
