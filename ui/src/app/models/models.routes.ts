import { Routes } from '@angular/router';

export const MODELS_ROUTES: Routes = [
  {
    path: '',
    title: 'Models · Partner Workspace',
    loadComponent: () => import('./pages/models-page').then((m) => m.ModelsPage),
  },
];
