import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, shareReplay, tap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { problemMessage } from '../http/problem';
import { Me, MeApi } from './me.api';

interface MeState {
  readonly me: Me | null;
  readonly loading: boolean;
  readonly error: string | null;
}

/** Caches `/api/me` for the session and exposes it as signals. */
@Injectable({ providedIn: 'root' })
export class MeStore {
  private readonly api = inject(MeApi);
  private readonly auth = inject(AuthService);

  private readonly state = signal<MeState>({ me: null, loading: false, error: null });
  private request$: Observable<Me> | null = null;

  readonly me = computed(() => this.state().me);
  readonly loading = computed(() => this.state().loading);
  readonly error = computed(() => this.state().error);
  readonly roles = computed(() => this.me()?.roles ?? []);
  readonly isOps = computed(() => this.roles().includes('ops'));
  readonly partner = computed(() => this.me()?.partner ?? null);
  readonly displayName = computed(
    () => this.me()?.displayName || this.auth.claimsDisplayName() || this.me()?.username || '',
  );

  /** Loads `/api/me` once; later calls share the same answer. A failed load can be retried. */
  load(): Observable<Me> {
    if (!this.request$) {
      this.state.update((s) => ({ ...s, loading: true, error: null }));
      this.request$ = this.api.me().pipe(
        tap({
          next: (me) => this.state.set({ me, loading: false, error: null }),
          error: (error: unknown) => {
            this.request$ = null;
            this.state.set({ me: null, loading: false, error: problemMessage(error) });
          },
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    }
    return this.request$;
  }

  /** Fire-and-forget variant for components; errors are already shown by the interceptor. */
  ensureLoaded(): void {
    this.load().subscribe({ error: () => undefined });
  }

  reload(): void {
    this.request$ = null;
    this.ensureLoaded();
  }
}
