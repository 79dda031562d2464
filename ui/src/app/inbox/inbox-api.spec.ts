import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SHOWS_OWN_ERRORS } from '../core/http/shows-own-errors';
import { InboxApi } from './inbox-api';
import { Task, TaskDetail, TaskPage } from './inbox.models';

const TASK: Task = {
  id: 't-1',
  name: 'Approve delegation',
  process: 'delegation-approval',
  partner: 'nikhil',
  assignee: null,
  created: '2026-11-26T05:00:00Z',
  due: '2026-11-27T05:00:00Z',
  summary: 'nikhil → arjun: orders:place for PT8H',
};

describe('InboxApi', () => {
  let api: InboxApi;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(InboxApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('answers the names of the critical scopes of the catalogue', () => {
    let received: string[] | undefined;
    api.criticalScopes().subscribe((names) => (received = names));
    const req = backend.expectOne('/api/scopes');
    expect(req.request.method).toBe('GET');
    req.flush([
      { name: 'orders:place', description: 'Place orders', critical: true, maxDuration: 'PT8H' },
      { name: 'reports:read', description: 'Reports', critical: false, maxDuration: 'P7D' },
    ]);
    expect(received).toEqual(['orders:place']);
  });

  it('lists tasks without empty filters', () => {
    let received: TaskPage | undefined;
    api.list({ process: ' ', partner: '' }).subscribe((tasks) => (received = tasks));
    const req = backend.expectOne('/api/tasks');
    expect(req.request.method).toBe('GET');
    expect(req.request.params.keys()).toEqual([]);
    expect(req.request.context.get(SHOWS_OWN_ERRORS)).toBe(true);
    const page: TaskPage = { content: [TASK], page: { number: 0, size: 50, totalElements: 1 } };
    req.flush(page);
    expect(received).toEqual(page);
  });

  it('lists tasks by process and partner', () => {
    api.list({ process: 'delegation-approval', partner: 'nikhil' }).subscribe();
    const req = backend.expectOne((r) => r.url === '/api/tasks');
    expect(req.request.urlWithParams).toBe('/api/tasks?process=delegation-approval&partner=nikhil');
    req.flush({ content: [], page: { number: 0, size: 50, totalElements: 0 } });
  });

  it('asks for a page', () => {
    api.list({}, { page: 2, size: 25 }).subscribe();
    const req = backend.expectOne((r) => r.url === '/api/tasks');
    expect(req.request.urlWithParams).toBe('/api/tasks?page=2&size=25');
    req.flush({ content: [], page: { number: 2, size: 25, totalElements: 60 } });
  });

  it('GETs one task with its context and fields', () => {
    const detail: TaskDetail = {
      ...TASK,
      context: { requester: 'nikhil', scopes: ['orders:place'] },
      fields: [{ name: 'approved', type: 'boolean', label: 'Approved' }],
    };
    let received: TaskDetail | undefined;
    api.get('t-1').subscribe((t) => (received = t));
    const req = backend.expectOne('/api/tasks/t-1');
    expect(req.request.method).toBe('GET');
    req.flush(detail);
    expect(received).toEqual(detail);
  });

  it('POSTs claim and unclaim', () => {
    api.claim('t-1').subscribe();
    const claim = backend.expectOne('/api/tasks/t-1/claim');
    expect(claim.request.method).toBe('POST');
    claim.flush({ ...TASK, assignee: 'priya' });

    api.unclaim('t-1').subscribe();
    const unclaim = backend.expectOne('/api/tasks/t-1/unclaim');
    expect(unclaim.request.method).toBe('POST');
    unclaim.flush(TASK);
  });

  it('POSTs the decision to complete', () => {
    let done = false;
    api
      .complete('t-1', { approved: true, comment: 'Fine' })
      .subscribe({ complete: () => (done = true) });
    const req = backend.expectOne('/api/tasks/t-1/complete');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ approved: true, comment: 'Fine' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    expect(done).toBe(true);
  });
});
