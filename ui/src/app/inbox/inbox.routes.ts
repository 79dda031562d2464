import { Routes } from '@angular/router';

export const INBOX_ROUTES: Routes = [
  {
    path: '',
    title: 'Inbox · Partner Workspace',
    loadComponent: () => import('./pages/inbox-page').then((m) => m.InboxPage),
  },
];
