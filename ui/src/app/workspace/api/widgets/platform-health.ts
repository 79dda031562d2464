/** platform-health: mirrors PlatformHealthWidget.PlatformHealthData. */
export interface ComponentHealth {
  readonly id: string;
  readonly name: string;
  readonly status: string;
}

export interface PlatformHealthData {
  readonly components: readonly ComponentHealth[];
  readonly jobExecutorActive: boolean;
  readonly incidents: number;
  readonly failedJobs: number;
}
