/** onboarding: mirrors OnboardingWidget.OnboardingData. */
export interface OnboardingStep {
  readonly id: string;
  readonly title: string;
  readonly done: boolean;
  readonly link: string;
}

export interface OnboardingData {
  readonly steps: readonly OnboardingStep[];
  readonly complete: boolean;
}

/** Body of `POST /api/partners/{partner}/team`. */
export interface NewTeammate {
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
}

export interface InvitedTeammate {
  readonly username: string;
  readonly email: string;
  readonly setupEmailSent: boolean;
}
