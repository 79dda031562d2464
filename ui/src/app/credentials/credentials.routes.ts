import { Routes } from '@angular/router';

export const CREDENTIALS_ROUTES: Routes = [
  {
    path: '',
    title: 'Credentials · Partner Workspace',
    loadComponent: () => import('./pages/credentials-page').then((m) => m.CredentialsPage),
  },
  {
    // Public (see core/layout/public-pages): where the engine sends a browser back from a broker
    // login that another browser started.
    path: 'login-elsewhere',
    title: 'Broker login not completed · Partner Workspace',
    loadComponent: () => import('./pages/login-elsewhere-page').then((m) => m.LoginElsewherePage),
  },
];
