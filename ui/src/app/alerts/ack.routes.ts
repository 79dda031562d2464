import { Routes } from '@angular/router';

/** Public acknowledgement links of alert messages (`/ack/<token>`): no login, outside the shell. */
export const ACK_ROUTES: Routes = [
  {
    path: ':token',
    title: 'Acknowledge alert · Partner Workspace',
    loadComponent: () => import('./pages/ack-link-page').then((m) => m.AckLinkPage),
  },
];
