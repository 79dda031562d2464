import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { showsOwnErrors } from '../../core/http/shows-own-errors';

/** The acts after which the one-question survey may be asked. */
export type SurveyTrigger = 'onboarding' | 'rotation' | 'reveal';

/** `GET /api/survey?trigger=`: whether to ask now (at most once a week per person). */
export interface SurveyPrompt {
  readonly ask: boolean;
  readonly trigger: SurveyTrigger;
  readonly question: string;
}

/** Typed client of the survey API; the survey card shows its own errors. */
@Injectable({ providedIn: 'root' })
export class SurveyApi {
  private readonly http = inject(HttpClient);

  prompt(trigger: SurveyTrigger): Observable<SurveyPrompt> {
    return this.http.get<SurveyPrompt>('/api/survey', {
      params: { trigger },
      context: showsOwnErrors(),
    });
  }

  answer(trigger: SurveyTrigger, score: number, comment: string): Observable<unknown> {
    return this.http.post(
      '/api/survey',
      { trigger, score, comment: comment.trim() || null },
      { context: showsOwnErrors() },
    );
  }

  dismiss(trigger: SurveyTrigger): Observable<void> {
    return this.http.post<void>('/api/survey/dismiss', { trigger }, { context: showsOwnErrors() });
  }
}
