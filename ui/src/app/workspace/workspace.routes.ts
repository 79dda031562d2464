import { Routes } from '@angular/router';
import { provideCharts, withDefaultRegisterables } from 'ng2-charts';

export const WORKSPACE_ROUTES: Routes = [
  {
    path: '',
    title: 'Workspace · Partner Workspace',
    // chart.js is registered here so it stays in the workspace chunk.
    providers: [provideCharts(withDefaultRegisterables())],
    loadComponent: () => import('./pages/workspace-page').then((m) => m.WorkspacePage),
  },
];
