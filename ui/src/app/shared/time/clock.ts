import { DestroyRef, Signal, inject, signal } from '@angular/core';

/**
 * The current time (epoch millis) as a signal that ticks every `periodMs` while the calling
 * component lives. Call it in an injection context (a field initializer).
 */
export function injectNow(periodMs = 1000): Signal<number> {
  const now = signal(Date.now());
  const timer = setInterval(() => now.set(Date.now()), periodMs);
  inject(DestroyRef).onDestroy(() => clearInterval(timer));
  return now.asReadonly();
}
