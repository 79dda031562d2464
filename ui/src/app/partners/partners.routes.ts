import { Routes } from '@angular/router';

export const PARTNERS_ROUTES: Routes = [
  {
    path: '',
    title: 'Partners · Partner Workspace',
    loadComponent: () => import('./pages/partners-page').then((m) => m.PartnersPage),
  },
];
