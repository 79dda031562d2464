import { Routes } from '@angular/router';

export const ALERTS_ROUTES: Routes = [
  {
    path: '',
    title: 'Alerts · Partner Workspace',
    loadComponent: () => import('./pages/alerts-page').then((m) => m.AlertsPage),
  },
];
