import { Routes } from '@angular/router';

export const WORKSPACE_ROUTES: Routes = [
  {
    path: '',
    title: 'Workspace · Partner Workspace',
    loadComponent: () => import('./pages/workspace-page').then((m) => m.WorkspacePage),
  },
];
