import { Routes } from '@angular/router';

export const DIAGNOSTICS_ROUTES: Routes = [
  {
    path: '',
    title: 'Diagnostics · Partner Workspace',
    loadComponent: () => import('./pages/diagnostics-page').then((m) => m.DiagnosticsPage),
  },
];
