import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MeStore } from '../../core/me/me.store';
import { WorkspaceView } from '../api/workspace.models';
import { LayoutStore } from './layout-store';

const view: WorkspaceView = {
  persona: { id: 'intraday', name: 'Intraday trader', traits: { tradingStyle: 'intraday' } },
  layout: [
    { widget: 'login-health', size: 'M', settings: {}, pinned: true },
    { widget: 'latency', size: 'L', settings: { window: 'PT24H' }, pinned: false },
  ],
  customised: true,
  defaultsVersion: '2',
  newDefaultWidgets: ['alerts'],
};

function setUp(roles: string[] = ['partner']) {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      LayoutStore,
      { provide: MeStore, useValue: { roles: computed(() => signal(roles)()) } },
    ],
  });
  return { store: TestBed.inject(LayoutStore), http: TestBed.inject(HttpTestingController) };
}

describe('LayoutStore', () => {
  it('falls back to the standard layout for the roles when GET /api/workspace is 404', () => {
    const { store, http } = setUp(['approver']);
    store.load();
    http.expectOne('/api/workspace').flush(null, { status: 404, statusText: 'Not Found' });
    expect(store.standard()).toBe(true);
    expect(store.layout().map((item) => item.widget)).toEqual(['approvals', 'audit']);
  });

  it('edits a draft and saves it with PUT (without pinned)', () => {
    const { store, http } = setUp();
    store.load();
    http.expectOne('/api/workspace').flush(view);
    expect(store.newDefaultWidgets()).toEqual(['alerts']);

    store.startEditing();
    store.move(1, 0);
    expect(store.remove('login-health')).toBe(false);
    expect(store.saveError()).toContain('pinned');
    store.add('audit');
    store.resize('audit', 'S');
    store.changeSettings('latency', { window: 'P30D' });
    store.save();

    const put = http.expectOne('/api/workspace/layout');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      layout: [
        { widget: 'latency', size: 'L', settings: { window: 'P30D' } },
        { widget: 'login-health', size: 'M', settings: {} },
        { widget: 'audit', size: 'S', settings: {} },
      ],
    });
    put.flush({ ...view, newDefaultWidgets: [] });
    expect(store.editing()).toBe(false);
  });

  it('cancel keeps the saved layout', () => {
    const { store, http } = setUp();
    store.load();
    http.expectOne('/api/workspace').flush(view);
    store.startEditing();
    store.remove('latency');
    store.cancelEditing();
    expect(store.layout().map((item) => item.widget)).toEqual(['login-health', 'latency']);
  });

  it('restores the defaults with DELETE', () => {
    const { store, http } = setUp();
    store.load();
    http.expectOne('/api/workspace').flush(view);
    store.startEditing();
    store.restoreDefaults();
    const del = http.expectOne('/api/workspace/layout');
    expect(del.request.method).toBe('DELETE');
    del.flush({ ...view, customised: false, layout: [view.layout[0]] });
    expect(store.customised()).toBe(false);
    expect(store.layout().map((item) => item.widget)).toEqual(['login-health']);
  });

  it('shows the fields a refused save names', () => {
    const { store, http } = setUp();
    store.load();
    http.expectOne('/api/workspace').flush(view);
    store.startEditing();
    store.save();
    http.expectOne('/api/workspace/layout').flush(
      {
        detail: 'The layout is not valid',
        errors: [{ field: 'layout[1].size', message: 'unknown size' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(store.saveError()).toBe('The layout is not valid · layout[1].size: unknown size');
    expect(store.editing()).toBe(true);
  });

  it('adds the new default widgets into the draft', () => {
    const { store, http } = setUp();
    store.load();
    http.expectOne('/api/workspace').flush(view);
    store.addNewDefaults();
    expect(store.editing()).toBe(true);
    expect(store.layout().map((item) => item.widget)).toContain('alerts');
  });
});
