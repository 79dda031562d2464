/** The names a model may refer to because the engine knows them (GET /api/models/references). */
export interface KnownReferences {
  readonly beans: readonly string[];
  readonly decisions: readonly string[];
  readonly forms: readonly string[];
  readonly messages: readonly string[];
}

export function setKnownReferences(references: KnownReferences): void;

/** bpmnlint's Linter options: recommended rules plus this project's Camunda 7 rules. */
export const workspaceLint: {
  readonly config: { readonly rules: Record<string, string> };
  readonly resolver: {
    resolveRule(pkg: string, ruleName: string): unknown;
    resolveConfig(pkg: string, configName: string): unknown;
  };
};
