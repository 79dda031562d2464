import {
  ChangeDetectionStrategy,
  Component,
  afterNextRender,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { exhaustMap, takeWhile, timer } from 'rxjs';
import { problemMessage } from '../../core/http/problem';
import { SmokeTestApi } from './smoke-test-api';
import { SmokeTest, SmokeTestState, SmokeTestStep, isFinished } from './smoke-test.models';

/** How often the panel asks for a run while it is queued or running. */
export const SMOKE_TEST_POLL_MS = 1500;

const STEP_TITLES: Readonly<Record<string, string>> = {
  workspace: 'Open the workspace',
  'keycloak-login': 'Keycloak login (password and one-time code)',
  'broker-login': 'Broker login',
  'active-connection': 'Back to an Active connection',
};

const STATE_LABELS: Readonly<Record<SmokeTestState, string>> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  PASSED: 'Passed',
  FAILED: 'Failed',
  TIMED_OUT: 'Timed out',
};

const STATUS_LABELS: Readonly<Record<SmokeTestStep['status'], string>> = {
  PENDING: 'Waiting',
  PASSED: 'Passed',
  FAILED: 'Failed',
  SKIPPED: 'Skipped',
};

/**
 * "Run Playwright smoke test" for a partner (optionally with one connection's broker and keys): the
 * engine drives Chromium through the partner's real login with its synthetic user; the panel polls while
 * the run is queued or running and shows each step with its status, duration and masked screenshot.
 */
@Component({
  selector: 'app-smoke-test',
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    <div class="smoke-test">
      <button mat-stroked-button type="button" [disabled]="busy()" (click)="start()">
        {{ busy() ? 'Smoke test running…' : 'Run Playwright smoke test' }}
      </button>
      @if (showLast() && !run()) {
        <p class="never">Last smoke test: {{ neverRun() ? 'none yet.' : 'loading…' }}</p>
      }
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
      @if (run(); as r) {
        <p class="verdict" [attr.data-state]="r.state" role="status">
          {{ showLast() ? 'Last smoke test' : 'Smoke test' }}: {{ stateLabel(r.state) }}
          @if (r.durationMs !== null) {
            in {{ seconds(r.durationMs) }} s
          }
        </p>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" aria-label="Smoke test running" />
        }
        <ol class="timeline" aria-label="Smoke test steps">
          @for (step of r.steps; track step.name) {
            <li [attr.data-step]="step.name" [attr.data-status]="step.status">
              <div class="line">
                <span class="name">{{ stepTitle(step.name) }}</span>
                <span class="status status-{{ step.status }}">{{ statusLabel(step.status) }}</span>
                @if (step.durationMs !== null) {
                  <span class="duration">{{ step.durationMs }} ms</span>
                }
              </div>
              @if (step.failure) {
                <p class="failure">{{ step.failure }}</p>
              }
              @if (step.screenshot && images()[step.screenshot]; as url) {
                <a [href]="url" target="_blank" rel="noopener">
                  <img
                    [src]="url"
                    width="160"
                    [alt]="'Screenshot after: ' + stepTitle(step.name) + ' (secret fields masked)'"
                  />
                </a>
              }
            </li>
          }
        </ol>
        @if (r.trace && images()[r.trace]; as url) {
          <a class="trace" [href]="url" [download]="'smoke-test-' + r.id + '.zip'"
            >Download the Playwright trace (secrets removed)</a
          >
        }
      }
    </div>
  `,
  styles: `
    .smoke-test {
      margin: 8px 0;
    }
    .timeline {
      list-style: none;
      padding: 0;
      margin: 8px 0;
      border-left: 2px solid var(--mat-sys-outline-variant);
    }
    li {
      padding: 4px 0 8px 12px;
    }
    .line {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: baseline;
    }
    .name {
      font: var(--mat-sys-title-small);
    }
    .status-PASSED {
      color: var(--mat-sys-primary);
    }
    .status-FAILED,
    .error,
    .failure {
      color: var(--mat-sys-error);
    }
    .failure {
      margin: 4px 0;
    }
    img {
      display: block;
      margin-top: 4px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SmokeTestPanel {
  private readonly api = inject(SmokeTestApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly partner = input.required<string>();
  /** The connection whose broker and keys to use; default: the partner's newest active one. */
  readonly connection = input<string | null>(null);
  /** Load and show the partner's last run (the Diagnostics page); else the panel calls nothing until clicked. */
  readonly showLast = input(false);

  protected readonly run = signal<SmokeTest | null>(null);
  protected readonly error = signal<string | null>(null);
  /** URLs of fetched artifacts, by artifact name. */
  protected readonly images = signal<Readonly<Record<string, string>>>({});
  private readonly starting = signal(false);
  protected readonly busy = computed(() => {
    const run = this.run();
    return this.starting() || (run !== null && !isFinished(run.state));
  });

  /** True once the partner's runs were read and there was none. */
  protected readonly neverRun = signal(false);

  constructor() {
    this.destroyRef.onDestroy(() => this.releaseImages());
    afterNextRender(() => {
      if (this.showLast()) {
        this.loadLast();
      }
    });
  }

  protected start(): void {
    this.starting.set(true);
    this.error.set(null);
    this.releaseImages();
    this.api.start(this.partner(), this.connection() ?? undefined).subscribe({
      next: (started) => {
        this.starting.set(false);
        this.run.set({
          id: started.id,
          partner: this.partner(),
          connection: this.connection(),
          state: started.state,
          requestedBy: '',
          requestedAt: '',
          finishedAt: null,
          durationMs: null,
          steps: [],
        });
        this.follow(started.id);
      },
      error: (failure: unknown) => {
        this.starting.set(false);
        this.error.set(problemMessage(failure));
      },
    });
  }

  protected stepTitle(name: string): string {
    return STEP_TITLES[name] ?? name;
  }

  protected stateLabel(state: SmokeTestState): string {
    return STATE_LABELS[state];
  }

  protected statusLabel(status: SmokeTestStep['status']): string {
    return STATUS_LABELS[status];
  }

  protected seconds(ms: number): string {
    return (ms / 1000).toFixed(1);
  }

  private loadLast(): void {
    this.api
      .ofPartner(this.partner())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (runs) => {
          const last = runs[0];
          if (!last || this.run()) {
            this.neverRun.set(!last && !this.run());
            return;
          }
          this.run.set(last);
          if (isFinished(last.state)) {
            this.loadArtifacts(last);
          } else {
            this.follow(last.id);
          }
        },
        error: () => undefined, // the button still works
      });
  }

  /** Polls the run while it is queued or running, then fetches its screenshots and trace. */
  private follow(id: string): void {
    timer(0, SMOKE_TEST_POLL_MS)
      .pipe(
        exhaustMap(() => this.api.get(id)),
        takeWhile((run) => !isFinished(run.state), true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (run) => {
          this.run.set(run);
          if (isFinished(run.state)) {
            this.loadArtifacts(run);
          }
        },
        error: (failure: unknown) => this.error.set(problemMessage(failure)),
      });
  }

  private loadArtifacts(run: SmokeTest): void {
    const names = run.steps.flatMap((step) => (step.screenshot ? [step.screenshot] : []));
    if (run.trace) {
      names.push(run.trace);
    }
    for (const name of names) {
      this.api
        .artifact(run.id, name)
        .pipe(takeUntilDestroyed(this.destroyRef))
        .subscribe({
          next: (bytes) =>
            this.images.update((all) => ({ ...all, [name]: artifactUrl(name, bytes) })),
          error: () => undefined, // the step still shows its status and duration
        });
    }
  }

  private releaseImages(): void {
    Object.values(this.images())
      .filter((url) => url.startsWith('blob:'))
      .forEach((url) => URL.revokeObjectURL(url));
    this.images.set({});
  }
}

/**
 * Screenshots as `data:` URLs (the page's content security policy allows those for images, not
 * `blob:`); the trace as an object URL for its download link.
 */
function artifactUrl(name: string, bytes: ArrayBuffer): string {
  if (!name.endsWith('.png')) {
    return URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  }
  const view = new Uint8Array(bytes);
  let binary = '';
  for (let start = 0; start < view.length; start += 0x8000) {
    binary += String.fromCharCode(...view.subarray(start, start + 0x8000));
  }
  return `data:image/png;base64,${btoa(binary)}`;
}
