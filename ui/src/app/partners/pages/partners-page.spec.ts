import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { MatDialogRef } from '@angular/material/dialog';
import { Observable, of, throwError } from 'rxjs';
import { buttonByText, getByLabel, typeInto } from '../../shared/testing/dom-queries';
import { AddPartnerDialog, controlFor } from '../components/add-partner-dialog/add-partner-dialog';
import { PartnersApi } from '../partners-api';
import { Invitation, NewPartner, Partner } from '../partners.models';
import { PartnersPage } from './partners-page';

const RAVI: Partner = {
  id: 'ravi',
  displayName: 'Ravi Kumar',
  email: 'ravi@example.com',
  traits: { tradingStyle: 'intraday', experience: 'new' },
  onboarding: {
    state: 'ACTIVE',
    invitedAt: '2030-03-04T09:00:00Z',
    firstActiveAt: '2030-03-04T09:12:00Z',
    minutesToOnboard: 12,
  },
};
const NIKHIL: Partner = {
  id: 'nikhil',
  displayName: 'Nikhil Sharma',
  email: 'nikhil@partner-workspace.local',
  traits: {},
  onboarding: { state: 'INVITED', invitedAt: null, firstActiveAt: null, minutesToOnboard: null },
};

function fakeApi(partners: Partner[]) {
  return {
    list: vi.fn<() => Observable<Partner[]>>(() => of(partners)),
    add: vi.fn<(body: NewPartner) => Observable<Invitation>>(),
  };
}

function problem(status: number, errors: { field: string; message: string }[]) {
  return new HttpErrorResponse({
    status,
    error: {
      title: status === 409 ? 'Conflict' : 'Bad Request',
      status,
      detail: 'Not added',
      errors,
    },
  });
}

describe('PartnersPage', () => {
  it('lists each partner with its onboarding state and time to onboard', async () => {
    TestBed.configureTestingModule({
      imports: [PartnersPage],
      providers: [{ provide: PartnersApi, useValue: fakeApi([NIKHIL, RAVI]) }],
    });
    const fixture = TestBed.createComponent(PartnersPage);
    await fixture.whenStable();
    const table = (fixture.nativeElement as HTMLElement).querySelector(
      'table[aria-label="Partners"]',
    )!;

    const rows = Array.from(table.querySelectorAll('tr[mat-row]')).map((row) =>
      (row.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
    expect(rows[0]).toContain('Nikhil Sharma (nikhil)');
    expect(rows[0]).toContain('Invited');
    expect(rows[1]).toContain('Ravi Kumar (ravi)');
    expect(rows[1]).toContain('Active');
    expect(rows[1]).toContain('12 min after the invitation');
    expect(rows[1]).toContain('tradingStyle: intraday');
  });

  it('has an Add partner button', async () => {
    TestBed.configureTestingModule({
      imports: [PartnersPage],
      providers: [{ provide: PartnersApi, useValue: fakeApi([]) }],
    });
    const fixture = TestBed.createComponent(PartnersPage);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(buttonByText(element, 'Add partner')).toBeDefined();
    expect(element.textContent).toContain('No partners yet');
  });
});

describe('AddPartnerDialog', () => {
  async function render(api: ReturnType<typeof fakeApi>) {
    const close = vi.fn();
    TestBed.configureTestingModule({
      imports: [AddPartnerDialog],
      providers: [
        { provide: PartnersApi, useValue: api },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    const fixture = TestBed.createComponent(AddPartnerDialog);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    return { fixture, element, close };
  }

  async function fillAndSubmit(fixture: { whenStable(): Promise<unknown> }, element: HTMLElement) {
    typeInto(getByLabel(element, 'Id'), 'ravi');
    typeInto(getByLabel(element, 'Display name'), 'Ravi Kumar');
    typeInto(getByLabel(element, 'Email'), 'ravi@example.com');
    buttonByText(element, 'Add partner')!.click();
    await fixture.whenStable();
  }

  it('maps the engine field names of traits onto the flat form', () => {
    expect(controlFor('traits.tradingStyle')).toBe('tradingStyle');
    expect(controlFor('email')).toBe('email');
    expect(controlFor('somethingElse')).toBeNull();
  });

  it('posts the partner with its traits and closes with the invitation', async () => {
    const api = fakeApi([]);
    api.add.mockReturnValue(of({ id: 'ravi', invitation: 'pi-1' }));
    const { fixture, element, close } = await render(api);
    const form = (fixture.componentInstance as unknown as { form: { patchValue(v: object): void } })
      .form;
    form.patchValue({ tradingStyle: 'intraday', latencySensitivity: 'high' });

    await fillAndSubmit(fixture, element);

    expect(api.add).toHaveBeenCalledWith({
      id: 'ravi',
      displayName: 'Ravi Kumar',
      email: 'ravi@example.com',
      traits: {
        tradingStyle: 'intraday',
        latencySensitivity: 'high',
        brokerCount: 1,
        teamSize: 1,
        preferredChannels: 'email',
        experience: 'new',
      },
    });
    expect(close).toHaveBeenCalledWith({ id: 'ravi', invitation: 'pi-1' });
  });

  it('shows a 409 on the field it names and a 400 on trait fields', async () => {
    const api = fakeApi([]);
    api.add.mockReturnValueOnce(
      throwError(() => problem(409, [{ field: 'email', message: 'belongs to another user' }])),
    );
    const { fixture, element, close } = await render(api);
    const form = (fixture.componentInstance as unknown as { form: { patchValue(v: object): void } })
      .form;
    form.patchValue({ tradingStyle: 'intraday', latencySensitivity: 'high' });

    await fillAndSubmit(fixture, element);

    expect(close).not.toHaveBeenCalled();
    expect(element.textContent).toContain('belongs to another user');

    api.add.mockReturnValueOnce(
      throwError(() =>
        problem(400, [
          { field: 'traits.tradingStyle', message: 'must be intraday, swing or positional' },
        ]),
      ),
    );
    typeInto(getByLabel(element, 'Email'), 'ravi.kumar@example.com');
    await fixture.whenStable();
    expect(element.textContent).not.toContain('belongs to another user');
    buttonByText(element, 'Add partner')!.click();
    await fixture.whenStable();
    expect(element.textContent).toContain('must be intraday, swing or positional');
  });
});
