package com.partnerworkspace.testsupport;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh browser context and page per test (no cookies shared between tests), with a screenshot of
 * where each test ended in {@code target/screenshots/<Class>-<method>.png}.
 * Use as {@code @RegisterExtension final BrowserPage browser = new BrowserPage();}.
 */
public class BrowserPage implements BeforeEachCallback, AfterEachCallback {

    private BrowserContext context;
    private Page page;

    public Page page() {
        return page;
    }

    @Override
    public void beforeEach(ExtensionContext test) {
        context = Browsers.chromium().newContext();
        page = context.newPage();
    }

    @Override
    public void afterEach(ExtensionContext test) {
        String name = test.getRequiredTestClass().getSimpleName() + "-"
                + test.getRequiredTestMethod().getName();
        try {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", name + ".png")));
        } finally {
            context.close();
        }
    }
}
