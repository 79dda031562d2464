import { Injectable, OnDestroy, signal } from '@angular/core';
import { RevealedSecret, SecretValues } from './credentials.models';

/** Revealed values of one connection and the whole seconds left until they are masked again. */
export interface RevealedView {
  readonly connectionId: string;
  readonly values: SecretValues;
  readonly remaining: number;
}

/**
 * Holds the values of the last reveal for `shownForSeconds`, then forgets them (the cards render
 * them only from here, so they leave the DOM too). One reveal at a time: a new one replaces it.
 * Provided by the credentials page, so leaving the page forgets the values at once.
 */
@Injectable()
export class RevealStore implements OnDestroy {
  private readonly state = signal<RevealedView | null>(null);
  private timer: ReturnType<typeof setInterval> | null = null;

  readonly current = this.state.asReadonly();

  show(connectionId: string, secret: RevealedSecret): void {
    this.stopTimer();
    const deadline = Date.now() + Math.max(0, secret.shownForSeconds) * 1000;
    const tick = () => {
      const remaining = Math.ceil((deadline - Date.now()) / 1000);
      if (remaining <= 0) {
        this.hide();
      } else {
        this.state.set({ connectionId, values: secret.values, remaining });
      }
    };
    tick();
    if (this.state()) {
      this.timer = setInterval(tick, 1000);
    }
  }

  /** The view of this connection's values, or null. */
  forConnection(connectionId: string): RevealedView | null {
    const current = this.state();
    return current?.connectionId === connectionId ? current : null;
  }

  hide(): void {
    this.stopTimer();
    this.state.set(null);
  }

  ngOnDestroy(): void {
    this.hide();
  }

  private stopTimer(): void {
    if (this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }
}
