import { problemMessage, problemOf } from '../core/http/problem';
import { agoText } from '../shared/time/time-format';

/** What a 409 on a task adds to its problem: who took or completed it, and when. */
interface TakenProblem {
  readonly takenBy?: string;
  readonly takenAt?: string | null;
}

/**
 * "priya took this 2 minutes ago" (or "completed this") for a claim or completion that lost a race;
 * any other problem in its own words.
 */
export function takenMessage(error: unknown, now: number): string {
  const problem = problemOf(error) as (TakenProblem & { type?: string }) | null;
  if (!problem?.takenBy) {
    return problemMessage(error);
  }
  const verb = problem.type?.endsWith('/task-completed') ? 'completed this' : 'took this';
  const when = agoText(problem.takenAt ?? null, now);
  return `${problem.takenBy} ${verb}${when ? ' ' + when : ''}.`;
}
