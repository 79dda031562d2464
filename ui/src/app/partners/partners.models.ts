/** Where a partner's onboarding stands: invited, password and one-time code set, first Active connection. */
export type OnboardingState = 'INVITED' | 'ACCOUNT_SET_UP' | 'ACTIVE';

export interface Onboarding {
  readonly state: OnboardingState;
  readonly invitedAt: string | null;
  readonly firstActiveAt: string | null;
  readonly minutesToOnboard: number | null;
}

/** Persona traits as Keycloak keeps them (`persona.<trait>` attributes, string values). */
export type Traits = Readonly<Record<string, string>>;

export interface Partner {
  readonly id: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly traits: Traits;
  readonly onboarding: Onboarding;
}

export interface NewPartnerTraits {
  readonly tradingStyle: 'intraday' | 'swing' | 'positional';
  readonly latencySensitivity: 'high' | 'medium' | 'low';
  readonly brokerCount: number;
  readonly teamSize: number;
  readonly preferredChannels: string;
  readonly experience: 'new' | 'seasoned';
}

export interface NewPartner {
  readonly id: string;
  readonly displayName: string;
  readonly email: string;
  readonly traits: NewPartnerTraits;
}

/** The answer to "Add partner": the id and the partner-invitation process instance. */
export interface Invitation {
  readonly id: string;
  readonly invitation: string;
}

export const TRADING_STYLES = ['intraday', 'swing', 'positional'] as const;
export const LATENCY_SENSITIVITIES = ['high', 'medium', 'low'] as const;
export const EXPERIENCES = ['new', 'seasoned'] as const;
export const CHANNELS = ['email', 'slack', 'sms'] as const;

export const ONBOARDING_LABELS: Readonly<Record<OnboardingState, string>> = {
  INVITED: 'Invited',
  ACCOUNT_SET_UP: 'Account set up',
  ACTIVE: 'Active',
};
