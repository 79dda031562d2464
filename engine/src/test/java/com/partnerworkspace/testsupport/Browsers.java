package com.partnerworkspace.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright for Java: never a browser download. One Playwright and one
 * browser per JVM; each test opens its own context.
 */
public final class Browsers {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));
    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {}

    public static synchronized Browser chromium() {
        if (browser == null) {
            if (!Files.isExecutable(CHROMIUM)) {
                throw new IllegalStateException("No Chromium at " + CHROMIUM + " (apt-get install chromium)");
            }
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            Path profile = RealServers.WORKSPACE_HOME.resolve("chromium");
            browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(CHROMIUM)
                            .setHeadless(true)
                            .setEnv(Map.of(
                                    "XDG_CONFIG_HOME",
                                    profile.resolve("config").toString(),
                                    "XDG_CACHE_HOME",
                                    profile.resolve("cache").toString()))
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-quic",
                                    "--no-first-run",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> playwright.close(), "playwright-close"));
        }
        return browser;
    }
}
