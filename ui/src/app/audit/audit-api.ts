import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../core/http/shows-own-errors';
import { AuditPage, AuditQuery, AuditVerification } from './audit.models';

/** Typed client for the audit trail. The audit page shows the errors of its calls itself. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  entries(query: AuditQuery): Observable<AuditPage> {
    let params = new HttpParams();
    for (const key of ['action', 'actor', 'from', 'to'] as const) {
      const value = query[key]?.trim();
      if (value) {
        params = params.set(key, value);
      }
    }
    params = params.set('page', query.page).set('size', query.size);
    return this.http.get<AuditPage>('/api/audit', { params, context: showsOwnErrors() });
  }

  verify(): Observable<AuditVerification> {
    return this.http.get<AuditVerification>('/api/audit/verify', { context: showsOwnErrors() });
  }
}
