import { Injectable } from '@angular/core';

/**
 * Full-page navigation away from the app (to the broker's login). A service, so that specs can
 * replace it.
 */
@Injectable({ providedIn: 'root' })
export class BrowserNavigation {
  assign(url: string): void {
    window.location.assign(url);
  }
}
