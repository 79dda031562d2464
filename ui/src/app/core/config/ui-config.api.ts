import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

/** Public runtime configuration served by the engine at `/api/ui-config` (no authentication). */
export interface UiConfig {
  /** OpenID Connect issuer, e.g. `http://localhost:8180/realms/partner-workspace`. */
  readonly issuer: string;
  /** Public OIDC client id of this UI, e.g. `workspace-ui`. */
  readonly clientId: string;
  /**
   * Whether the OIDC client insists on https for the issuer and its endpoints. The engine sends
   * `false` only for a loopback issuer (the local stack's Keycloak over plain http on localhost),
   * `true` everywhere else.
   */
  readonly requireHttps: boolean;
}

export const UI_CONFIG_URL = '/api/ui-config';

@Injectable({ providedIn: 'root' })
export class UiConfigApi {
  private readonly http = inject(HttpClient);

  load(): Observable<UiConfig> {
    return this.http.get<UiConfig>(UI_CONFIG_URL);
  }
}
