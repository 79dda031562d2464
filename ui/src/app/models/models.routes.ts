import { Routes } from '@angular/router';

export const MODELS_ROUTES: Routes = [
  {
    path: '',
    title: 'Models · Partner Workspace',
    loadComponent: () => import('./pages/models-page').then((m) => m.ModelsPage),
  },
  {
    // Its own lazy chunk: the bpmn.io editors load only when someone edits.
    path: ':key/edit',
    title: 'Edit model · Partner Workspace',
    loadComponent: () => import('./editor/model-editor-page').then((m) => m.ModelEditorPage),
  },
];
