/** A deployed model (`GET /api/models`). */
export interface Model {
  readonly key: string;
  readonly type: 'bpmn' | 'dmn' | 'form';
  readonly name: string | null;
  readonly latestVersion: number;
  readonly runningInstances: number;
  readonly incidents: number;
}

/** One deployed version of a model (`GET /api/models/{key}/versions`), newest first. */
export interface ModelVersion {
  readonly version: number;
  readonly deployedAt: string | null;
  readonly deployedBy: string | null;
  readonly source: 'release' | 'browser';
  readonly runningInstances: number;
}

export const TYPE_LABELS: Readonly<Record<Model['type'], string>> = {
  bpmn: 'Process (BPMN)',
  dmn: 'Decision (DMN)',
  form: 'Form',
};

/** An open incident (`GET /api/incidents`), newest first. */
export interface OpenIncident {
  readonly id: string;
  readonly type: string;
  readonly process: string | null;
  readonly processInstanceId: string | null;
  readonly activity: string | null;
  readonly message: string | null;
  readonly since: string;
  readonly retryable: boolean;
}

/** `GET /api/incidents/{id}`: the incident and its failed job's stack trace. */
export interface IncidentDetail {
  readonly incident: OpenIncident;
  readonly stacktrace: string | null;
}
