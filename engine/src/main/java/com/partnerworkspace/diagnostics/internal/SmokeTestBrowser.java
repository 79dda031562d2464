package com.partnerworkspace.diagnostics.internal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The engine's one browser: Debian's Chromium driven by Playwright for Java on the system Node (no driver
 * bundle, never a browser download). Playwright objects are not thread-safe, so one thread owns them and
 * runs one job at a time; each job gets a freshly launched browser that is closed after it, so its memory
 * is given back between runs. The Playwright driver (a Node process) stays for the next run.
 */
@Component
class SmokeTestBrowser implements DisposableBean {

    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage");

    private final ExecutorService owner =
            Executors.newSingleThreadExecutor(job -> new Thread(job, "smoke-test-browser"));
    private final Path chromium;
    private final Path node;
    private final Path profile;
    private Playwright playwright; // only touched on the owner thread

    SmokeTestBrowser(Environment environment) {
        this.chromium =
                Path.of(environment.getProperty("workspace.diagnostics.smoke-test.chromium", "/usr/bin/chromium"));
        this.node = Path.of(environment.getProperty("workspace.diagnostics.smoke-test.node", "/usr/bin/node"));
        this.profile = Path.of(environment.getProperty("workspace.state-dir", ".workspace/stack"), "chromium");
    }

    /**
     * Runs {@code job} with a new browser on the owner thread, after the jobs submitted before it; when no
     * browser starts, {@code notLaunched} is told why instead.
     */
    void submit(Consumer<Browser> job, Consumer<RuntimeException> notLaunched) {
        owner.execute(() -> {
            Browser browser;
            try {
                browser = launch();
            } catch (RuntimeException e) {
                notLaunched.accept(e);
                return;
            }
            try (browser) {
                job.accept(browser);
            }
        });
    }

    private Browser launch() {
        if (!Files.isExecutable(chromium)) {
            throw new IllegalStateException("No Chromium at " + chromium + " (apt-get install chromium)");
        }
        if (playwright == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of(
                            "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PLAYWRIGHT_NODEJS_PATH", node.toString())));
        }
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setEnv(Map.of(
                                "XDG_CONFIG_HOME", profile.resolve("config").toString(),
                                "XDG_CACHE_HOME", profile.resolve("cache").toString()))
                        .setArgs(ARGS));
    }

    /** Closes the driver on its own thread after the run in progress, if any. */
    @Override
    public void destroy() throws InterruptedException {
        owner.submit(() -> {
            if (playwright != null) {
                playwright.close();
            }
        });
        owner.shutdown();
        if (!owner.awaitTermination(10, TimeUnit.SECONDS)) {
            owner.shutdownNow();
        }
    }
}
