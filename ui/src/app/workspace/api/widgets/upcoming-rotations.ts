/** upcoming-rotations: mirrors UpcomingRotationsWidget.UpcomingRotationsData. */
export interface Upcoming {
  readonly connectionId: string;
  readonly label: string;
  readonly brokerName: string;
  readonly kind: 'ROTATION' | 'LOGIN';
  readonly at: string;
}

export interface UpcomingRotationsData {
  readonly upcoming: readonly Upcoming[];
}
