import { Routes } from '@angular/router';

/** Public share links (`/share/<id>`, an opaque id): rendered without login, outside the shell. */
export const SHARE_ROUTES: Routes = [
  {
    path: ':id',
    title: 'Shared credential · Partner Workspace',
    loadComponent: () =>
      import('./pages/shared-credential-page').then((m) => m.SharedCredentialPage),
  },
];
