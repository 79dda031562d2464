import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import { accessibleText, buttonByText } from '../../../shared/testing/dom-queries';
import { AlertsApi } from '../../alerts-api';
import { ChannelTestReport, DeliveryChannel } from '../../alerts.models';
import { testResult } from '../../testing/alert-fixtures';
import { ChannelTest } from './channel-test';

async function render(unsaved = false) {
  const api = {
    testChannels: vi.fn<(channels: readonly DeliveryChannel[]) => Observable<ChannelTestReport>>(),
  };
  TestBed.configureTestingModule({
    imports: [ChannelTest],
    providers: [{ provide: AlertsApi, useValue: api }],
  });
  const fixture = TestBed.createComponent(ChannelTest);
  fixture.componentRef.setInput('unsaved', unsaved);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  return { fixture, element, api, stable: () => fixture.whenStable() };
}

function reportLines(element: HTMLElement): string[] {
  return Array.from(element.querySelectorAll('[role="status"] li')).map(accessibleText);
}

describe('ChannelTest', () => {
  it('tests one channel and shows where the message went', async () => {
    const { element, api, stable } = await render();
    expect(accessibleText(element.querySelector('h3')!)).toBe('Test the channels');
    expect(element.textContent).not.toContain('Save your changes first');
    api.testChannels.mockReturnValue(
      of({ results: [testResult({ channel: 'sms', recipient: '+919800000001' })] }),
    );

    buttonByText(element, 'Send test SMS')!.click();
    await stable();

    expect(api.testChannels).toHaveBeenCalledWith(['sms']);
    const status = element.querySelector('[role="status"]')!;
    expect(status.textContent).toContain('Test results');
    expect(reportLines(element)).toEqual(['SMS to +919800000001: Sent']);
  });

  it('tests all channels and shows failures, skips and fallbacks with their detail', async () => {
    const { element, api, stable } = await render();
    api.testChannels.mockReturnValue(
      of({
        results: [
          testResult({ outcome: 'FAILED', detail: 'Mailbox unavailable' }),
          testResult({ channel: 'slack', recipient: '', outcome: 'SKIPPED', detail: 'No webhook' }),
          testResult({
            channel: 'sms',
            recipient: '+919800000001',
            outcome: 'SENT',
            detail: 'fallback for email',
          }),
        ],
      }),
    );

    expect(buttonByText(element, 'Send test email')).toBeDefined();
    expect(buttonByText(element, 'Send test Slack message')).toBeDefined();
    buttonByText(element, 'Test all channels')!.click();
    await stable();

    expect(api.testChannels).toHaveBeenCalledWith(['email', 'slack', 'sms']);
    expect(reportLines(element)).toEqual([
      'Email to nitin@example.com: Failed — Mailbox unavailable',
      'Slack: Skipped — No webhook',
      'SMS to +919800000001: Sent — fallback for email',
    ]);
    expect(element.querySelector('[data-outcome="FAILED"] .outcome-FAILED')).not.toBeNull();
  });

  it('says when nothing was sent', async () => {
    const { element, api, stable } = await render();
    api.testChannels.mockReturnValue(of({ results: [] }));
    buttonByText(element, 'Send test Slack message')!.click();
    await stable();
    const paragraphs = element.querySelectorAll('[role="status"] p');
    expect(Array.from(paragraphs).map(accessibleText)).toEqual([
      'Test results',
      'Nothing was sent: no address is set up for that channel.',
    ]);
  });

  it('shows the problem when the test is refused', async () => {
    const { element, api, stable } = await render();
    api.testChannels.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 429,
            error: { status: 429, detail: 'One test a minute, please' },
          }),
      ),
    );
    buttonByText(element, 'Send test email')!.click();
    await stable();
    expect(accessibleText(element.querySelector('[role="alert"]')!)).toBe(
      'The test could not be sent: One test a minute, please',
    );
    expect(reportLines(element)).toEqual([]);
    expect(buttonByText(element, 'Send test email')!.disabled).toBe(false);
  });

  it('asks to save first while there are unsaved changes', async () => {
    const { element } = await render(true);
    expect(element.textContent).toContain('Save your changes first to test them.');
  });
});
