/** login-health: mirrors LoginHealthWidget.LoginHealthData. */
export interface LoginHealthData {
  /** ISO-8601 duration, e.g. `PT24H`. */
  readonly window: string;
  readonly lastLoginAt: string | null;
  readonly failedLogins: number;
  readonly lastFailureAt: string | null;
  readonly mfaSetUp: boolean;
  /** When the caller's Keycloak session ends; null when the token names no live session. */
  readonly sessionExpiresAt: string | null;
}
