import { Routes } from '@angular/router';

export const CREDENTIALS_ROUTES: Routes = [
  {
    path: '',
    title: 'Credentials · Partner Workspace',
    loadComponent: () => import('./pages/credentials-page').then((m) => m.CredentialsPage),
  },
];
