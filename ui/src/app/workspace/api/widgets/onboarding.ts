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
