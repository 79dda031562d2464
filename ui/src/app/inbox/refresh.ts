/** The inbox's list, counts and badge refresh this often while the tab is visible (issue 23: within 10 s). */
export const REFRESH_MS = 10_000;
