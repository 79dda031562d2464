/** delegations: mirrors DelegationsWidget.DelegationsData and DelegationOverview. */
export interface DelegationGrant {
  readonly id: string;
  readonly delegate: string;
  readonly scopes: readonly string[];
  readonly connection: string | null;
  readonly expiresAt: string;
}

export interface DelegationRequest {
  readonly id: string;
  readonly delegate: string;
  readonly scopes: readonly string[];
  readonly requestedAt: string;
  /** `partner-mfa` or `approvers`. */
  readonly waitingFor: string;
}

export interface DelegationsData {
  readonly overview: {
    readonly active: readonly DelegationGrant[];
    readonly expiringSoon: readonly DelegationGrant[];
    readonly waiting: readonly DelegationRequest[];
  };
}
