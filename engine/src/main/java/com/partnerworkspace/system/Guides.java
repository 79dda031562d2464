package com.partnerworkspace.system;

/**
 * Links to sections of the troubleshooting guides ({@code ui/public/guides/<guide>.md}, shown by the UI at
 * {@code /diagnostics/guides/<guide>}). Each section has a stable anchor, written {@code {#anchor}} after
 * its heading; a test checks that every link the code can emit names a guide and a section that exist.
 */
public final class Guides {

    public static final String BASE = "/diagnostics/guides/";

    private Guides() {}

    /** {@code /diagnostics/guides/<guide>#<section>}. */
    public static String of(String guide, String section) {
        return BASE + guide + "#" + section;
    }
}
