import { Routes } from '@angular/router';
import { opsGuard } from './core/auth/ops.guard';

/**
 * Every feature is lazy-loaded; the shell, the landing page or a public page (`/share/...`, `/ack/...`) is
 * chosen by the root component.
 */
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'workspace' },
  {
    path: 'workspace',
    loadChildren: () => import('./workspace/workspace.routes').then((m) => m.WORKSPACE_ROUTES),
  },
  { path: 'inbox', loadChildren: () => import('./inbox/inbox.routes').then((m) => m.INBOX_ROUTES) },
  {
    path: 'credentials',
    loadChildren: () =>
      import('./credentials/credentials.routes').then((m) => m.CREDENTIALS_ROUTES),
  },
  {
    path: 'delegations',
    loadChildren: () =>
      import('./delegations/delegations.routes').then((m) => m.DELEGATIONS_ROUTES),
  },
  {
    path: 'alerts',
    loadChildren: () => import('./alerts/alerts.routes').then((m) => m.ALERTS_ROUTES),
  },
  {
    path: 'diagnostics',
    loadChildren: () =>
      import('./diagnostics/diagnostics.routes').then((m) => m.DIAGNOSTICS_ROUTES),
  },
  {
    // Public: share links open without login, outside the shell (see App).
    path: 'share',
    loadChildren: () => import('./credentials/share.routes').then((m) => m.SHARE_ROUTES),
  },
  {
    // Public: the acknowledgement links of alert messages, like share links.
    path: 'ack',
    loadChildren: () => import('./alerts/ack.routes').then((m) => m.ACK_ROUTES),
  },
  { path: 'audit', loadChildren: () => import('./audit/audit.routes').then((m) => m.AUDIT_ROUTES) },
  {
    path: 'models',
    canMatch: [opsGuard],
    loadChildren: () => import('./models/models.routes').then((m) => m.MODELS_ROUTES),
  },
  {
    path: 'partners',
    canMatch: [opsGuard],
    loadChildren: () => import('./partners/partners.routes').then((m) => m.PARTNERS_ROUTES),
  },
  { path: '**', redirectTo: 'workspace' },
];
