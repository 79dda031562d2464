import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import {
  accessibleText,
  buttonByText,
  getByLabel,
  queryByLabel,
  typeInto,
} from '../../shared/testing/dom-queries';
import { AlertsApi } from '../alerts-api';
import { AlertLink, AlertLinkAcknowledgement } from '../alerts.models';
import { alertLink, linkAcknowledged } from '../testing/alert-fixtures';
import {
  ALERT_ALREADY_CLOSED,
  ALERT_LINK_GONE,
  ALERT_LINK_INVALID,
  AckLinkPage,
} from './ack-link-page';

function problem(status: number, slug: string, detail = `Problem ${slug}`) {
  return new HttpErrorResponse({
    status,
    error: {
      type: `https://partner-workspace/problems/${slug}`,
      title: slug,
      status,
      detail,
    },
  });
}

async function render(opened: Observable<AlertLink> = of(alertLink())) {
  const api = {
    openLink: vi.fn<(token: string) => Observable<AlertLink>>(() => opened),
    acknowledgeLink:
      vi.fn<(token: string, reason?: string) => Observable<AlertLinkAcknowledgement>>(),
  };
  TestBed.configureTestingModule({
    imports: [AckLinkPage],
    providers: [{ provide: AlertsApi, useValue: api }],
  });
  const fixture = TestBed.createComponent(AckLinkPage);
  fixture.componentRef.setInput('token', 'tok-1');
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  return { fixture, element, api, stable: () => fixture.whenStable() };
}

/** The paragraphs of the page's alert: the message, then the problem's detail. */
function alertText(element: HTMLElement): string[] {
  const alert = element.querySelector('[role="alert"]')!;
  const paragraphs = Array.from(alert.querySelectorAll('p'));
  return (paragraphs.length ? paragraphs : [alert]).map(accessibleText);
}

describe('AckLinkPage', () => {
  it('shows what the alert is about and acknowledges it with a reason, once', async () => {
    const { element, api, stable } = await render();
    expect(api.openLink).toHaveBeenCalledWith('tok-1');
    expect(accessibleText(element.querySelector('h1')!)).toBe('Acknowledge an alert');
    expect(element.textContent).toContain('Rotation of “Main” was rolled back');
    expect(accessibleText(element.querySelector('[data-severity]')!)).toBe('Critical');
    expect(accessibleText(element.querySelector('[data-state]')!)).toBe('Open');
    expect(element.textContent).toContain('nitin');
    expect(element.textContent).toContain('Level 1');
    expect(element.querySelector('time[datetime="2026-11-27T05:00:00Z"]')).not.toBeNull();
    expect(accessibleText(element.querySelector('[role="status"]')!)).toBe('');

    api.acknowledgeLink.mockReturnValue(of(linkAcknowledged({ acknowledgedBy: 'nitin' })));
    typeInto(getByLabel(element, 'Reason (optional)'), 'On it');
    buttonByText(element, 'Acknowledge alert')!.click();
    await stable();

    expect(api.acknowledgeLink).toHaveBeenCalledWith('tok-1', 'On it');
    const status = element.querySelector('[role="status"]')!;
    expect(accessibleText(status.querySelector('h2')!)).toBe('Alert acknowledged');
    expect(accessibleText(status.querySelector('.who')!)).toMatch(/^By nitin on .+/);
    expect(status.querySelector('time[datetime="2026-11-26T05:10:00Z"]')).not.toBeNull();
    expect(accessibleText(element.querySelector('[data-state]')!)).toBe('Acknowledged');
    expect(queryByLabel(element, 'Reason (optional)')).toBeNull();
    expect(buttonByText(element, 'Acknowledge alert')).toBeUndefined();
    expect(element.querySelector('[role="alert"]')).toBeNull();
  });

  it('acknowledges without a reason', async () => {
    const { element, api, stable } = await render();
    api.acknowledgeLink.mockReturnValue(of(linkAcknowledged()));
    buttonByText(element, 'Acknowledge alert')!.click();
    await stable();
    expect(api.acknowledgeLink).toHaveBeenCalledWith('tok-1', '');
    expect(accessibleText(element.querySelector('[role="status"] h2')!)).toBe('Alert acknowledged');
  });

  it.each(['alert-link-used', 'alert-link-expired'])(
    'says the link was used or has expired, with the detail (410 %s on open)',
    async (slug) => {
      const { element } = await render(
        throwError(() => problem(410, slug, 'This link was used on 26 Nov at 10:15')),
      );
      expect(alertText(element)).toEqual([
        ALERT_LINK_GONE,
        'This link was used on 26 Nov at 10:15',
      ]);
      expect(ALERT_LINK_GONE).toBe('This link was already used or has expired.');
      expect(buttonByText(element, 'Acknowledge alert')).toBeUndefined();
      expect(queryByLabel(element, 'Reason (optional)')).toBeNull();
    },
  );

  it('says the link was used when the acknowledgement answers 410', async () => {
    const { element, api, stable } = await render();
    api.acknowledgeLink.mockReturnValue(
      throwError(() => problem(410, 'alert-link-used', 'Used a minute ago')),
    );
    buttonByText(element, 'Acknowledge alert')!.click();
    await stable();

    expect(alertText(element)).toEqual([ALERT_LINK_GONE, 'Used a minute ago']);
    expect(buttonByText(element, 'Acknowledge alert')).toBeUndefined();
  });

  it('says the alert was already closed when someone else closed it (409)', async () => {
    const { element, api, stable } = await render();
    api.acknowledgeLink.mockReturnValue(
      throwError(() => problem(409, 'alert-closed', 'The alert was already resolved by arjun')),
    );
    buttonByText(element, 'Acknowledge alert')!.click();
    await stable();

    expect(alertText(element)).toEqual([
      ALERT_ALREADY_CLOSED,
      'The alert was already resolved by arjun',
    ]);
    expect(buttonByText(element, 'Acknowledge alert')).toBeUndefined();
    // What the alert is about stays on the page.
    expect(element.textContent).toContain('Rotation of “Main” was rolled back');
  });

  it('offers no acknowledgement for an alert that is closed already', async () => {
    const { element } = await render(of(alertLink({ state: 'RESOLVED' })));
    expect(alertText(element)).toEqual(['Already closed', 'This alert was resolved already.']);
    expect(buttonByText(element, 'Acknowledge alert')).toBeUndefined();
  });

  it('names who acknowledged the alert already', async () => {
    const { element } = await render(
      of(alertLink({ state: 'ACKNOWLEDGED', acknowledgedBy: 'arjun' })),
    );
    expect(alertText(element)).toEqual([
      'Already closed',
      'This alert was acknowledged by arjun already.',
    ]);
  });

  it('says an altered link is not valid (400)', async () => {
    const { element } = await render(
      throwError(() => problem(400, 'alert-link-invalid', 'The link is damaged')),
    );
    expect(alertText(element)).toEqual([ALERT_LINK_INVALID, 'The link is damaged']);
    expect(buttonByText(element, 'Acknowledge alert')).toBeUndefined();
  });

  it('offers another try when the server cannot be reached', async () => {
    const { element, api, stable } = await render(
      throwError(() => new HttpErrorResponse({ status: 0 })),
    );
    expect(alertText(element)).toEqual([
      'Could not open the link: Cannot reach the workspace server',
    ]);

    api.openLink.mockReturnValue(of(alertLink()));
    buttonByText(element, 'Try again')!.click();
    await stable();

    expect(api.openLink).toHaveBeenCalledTimes(2);
    expect(element.querySelector('[role="alert"]')).toBeNull();
    expect(buttonByText(element, 'Acknowledge alert')).toBeDefined();
  });

  it('shows other failures of the acknowledgement and keeps the form', async () => {
    const { element, api, stable } = await render();
    api.acknowledgeLink.mockReturnValue(
      throwError(
        () => new HttpErrorResponse({ status: 500, error: { detail: 'Database unavailable' } }),
      ),
    );
    buttonByText(element, 'Acknowledge alert')!.click();
    await stable();
    expect(alertText(element)).toEqual(['Database unavailable']);
    expect(buttonByText(element, 'Acknowledge alert')!.disabled).toBe(false);
  });
});
