import { Routes } from '@angular/router';

export const DELEGATIONS_ROUTES: Routes = [
  {
    path: '',
    title: 'Delegations · Partner Workspace',
    loadComponent: () => import('./pages/delegations-page').then((m) => m.DelegationsPage),
  },
];
