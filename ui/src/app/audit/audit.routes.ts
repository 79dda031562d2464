import { Routes } from '@angular/router';

export const AUDIT_ROUTES: Routes = [
  {
    path: '',
    title: 'Audit · Partner Workspace',
    loadComponent: () => import('./pages/audit-page').then((m) => m.AuditPage),
  },
];
