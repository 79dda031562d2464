/** Where a Playwright smoke test of a partner's login stands. */
export type SmokeTestState = 'QUEUED' | 'RUNNING' | 'PASSED' | 'FAILED' | 'TIMED_OUT';

/** One step: `workspace`, `keycloak-login`, `broker-login` or `active-connection`. */
export interface SmokeTestStep {
  readonly name: string;
  readonly status: 'PENDING' | 'PASSED' | 'FAILED' | 'SKIPPED';
  readonly startedAt: string | null;
  readonly durationMs: number | null;
  /** Artifact name of the step's masked screenshot. */
  readonly screenshot?: string;
  /** Why the step failed, without any secret. */
  readonly failure?: string;
}

/** `GET /api/smoke-tests/{id}`. */
export interface SmokeTest {
  readonly id: string;
  readonly partner: string;
  readonly connection: string | null;
  readonly state: SmokeTestState;
  readonly requestedBy: string;
  readonly requestedAt: string;
  readonly finishedAt: string | null;
  readonly durationMs: number | null;
  readonly steps: readonly SmokeTestStep[];
  /** Artifact name of the scrubbed Playwright trace. */
  readonly trace?: string;
}

/** `POST /api/smoke-tests` answers 202 with this. */
export interface SmokeTestStarted {
  readonly id: string;
  readonly state: SmokeTestState;
}

export function isFinished(state: SmokeTestState): boolean {
  return state !== 'QUEUED' && state !== 'RUNNING';
}
