/** A deployed model (`GET /api/models`). */
export interface Model {
  readonly key: string;
  readonly type: 'bpmn' | 'dmn' | 'form';
  readonly name: string | null;
  readonly latestVersion: number;
  readonly runningInstances: number;
  readonly incidents: number;
  /** The newest version came from the browser and the release's file differs: the browser version was kept. */
  readonly diverged: boolean;
}

/** One deployed version of a model (`GET /api/models/{key}/versions`), newest first. */
export interface ModelVersion {
  readonly version: number;
  readonly deployedAt: string | null;
  readonly deployedBy: string | null;
  readonly approvedBy: string | null;
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
  readonly annotation: string | null;
}

/** `GET /api/incidents/{id}`: the incident and its failed job's stack trace. */
export interface IncidentDetail {
  readonly incident: OpenIncident;
  readonly stacktrace: string | null;
}

export type ModelType = Model['type'];

/** Names a model may refer to because the engine knows them (`GET /api/models/references`). */
export interface KnownReferences {
  readonly beans: readonly string[];
  readonly decisions: readonly string[];
  readonly forms: readonly string[];
  readonly messages: readonly string[];
}

/** One reason a model may not be deployed, on the element it concerns (null: the whole model). */
export interface ModelProblem {
  readonly element: string | null;
  readonly rule: string;
  readonly message: string;
}

/** `GET /api/models/drafts/{id}`. */
export interface ModelDraft {
  readonly id: string;
  readonly key: string;
  readonly type: ModelType;
  readonly author: string;
  readonly status: 'draft' | 'proposed' | 'rejected' | 'deployed';
  readonly createdAt: string;
  readonly baseVersion: number | null;
  readonly content: string;
  readonly taskId: string | null;
  readonly deployedVersion: number | null;
  readonly reviewedBy: string | null;
  readonly reviewComment: string | null;
}

export interface ChangedProperty {
  readonly name: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface ModelChange {
  readonly id: string;
  readonly kind: string;
  readonly name: string | null;
  readonly properties: readonly ChangedProperty[];
}

/** `GET /api/models/drafts/{id}/diff?against=deployed`. */
export interface ModelDiff {
  readonly key: string;
  readonly type: ModelType;
  readonly againstVersion: number | null;
  readonly added: readonly ModelChange[];
  readonly removed: readonly ModelChange[];
  readonly changed: readonly ModelChange[];
}

export interface MigrationInstruction {
  readonly source: string;
  readonly target: string;
}

/** A migration's report, review and progress (`/api/models/{key}/migrations`, `/api/models/migrations/{id}`). */
export interface MigrationView {
  readonly id: string;
  readonly key: string;
  readonly from: number;
  readonly to: number;
  readonly instances: number;
  readonly valid: boolean;
  readonly instructions: readonly MigrationInstruction[];
  readonly errors: readonly { readonly activity: string | null; readonly message: string }[];
  readonly author: string;
  readonly status: 'reported' | 'proposed' | 'rejected' | 'running' | 'completed';
  readonly taskId: string | null;
  readonly reviewedBy: string | null;
  readonly reviewComment: string | null;
  readonly progress: {
    readonly total: number;
    readonly migrated: number;
    readonly failed: number;
  } | null;
  readonly failures: readonly { readonly instanceId: string | null; readonly message: string }[];
}
