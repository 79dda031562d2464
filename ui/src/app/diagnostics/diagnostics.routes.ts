import { Routes } from '@angular/router';

export const DIAGNOSTICS_ROUTES: Routes = [
  {
    // Linked from connection failures (`failure.guide`).
    path: 'guides/:slug',
    title: 'Troubleshooting guide · Partner Workspace',
    loadComponent: () => import('./pages/guide-page').then((m) => m.GuidePage),
  },
  {
    path: '',
    pathMatch: 'full',
    title: 'Diagnostics · Partner Workspace',
    loadComponent: () => import('./pages/diagnostics-page').then((m) => m.DiagnosticsPage),
  },
];
