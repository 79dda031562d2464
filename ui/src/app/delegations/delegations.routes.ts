import { Routes } from '@angular/router';

export const DELEGATIONS_ROUTES: Routes = [
  {
    // Opened from the email link `/delegations/bot-secret#<id>` (an opaque id).
    path: 'bot-secret',
    title: 'Bot secret · Partner Workspace',
    loadComponent: () => import('./pages/bot-secret-page').then((m) => m.BotSecretPage),
  },
  {
    path: '',
    pathMatch: 'full',
    title: 'Delegations · Partner Workspace',
    loadComponent: () => import('./pages/delegations-page').then((m) => m.DelegationsPage),
  },
];
