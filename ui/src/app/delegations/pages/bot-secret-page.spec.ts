import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { of, throwError } from 'rxjs';
import { buttonByText, getByLabel } from '../../shared/testing/dom-queries';
import { DelegationsApi } from '../delegations-api';
import { BotSecretPage, LINK_GONE, LINK_WITHOUT_TOKEN } from './bot-secret-page';

async function render(address: string, redeem: ReturnType<typeof vi.fn>) {
  window.history.replaceState(null, '', address);
  TestBed.configureTestingModule({
    imports: [BotSecretPage],
    providers: [{ provide: DelegationsApi, useValue: { redeemBotSecret: redeem } }],
  });
  const fixture = TestBed.createComponent(BotSecretPage);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

describe('BotSecretPage', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('redeems the token from the fragment, clears it and shows the secret once', async () => {
    const redeem = vi.fn(() => of({ clientId: 'bot-nightly', clientSecret: 's3cr3t' }));
    const { fixture, element } = await render('/delegations/bot-secret#tok-123', redeem);

    expect(redeem).toHaveBeenCalledWith('tok-123');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname).toBe('/delegations/bot-secret');

    const secret = getByLabel(element, 'Client secret') as HTMLInputElement;
    expect(secret.value).toBe('s3cr3t');
    expect(secret.readOnly).toBe(true);
    expect((getByLabel(element, 'Client ID') as HTMLInputElement).value).toBe('bot-nightly');

    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      buttonByText(element, 'Copy')!.click();
      await fixture.whenStable();
      expect(writeText).toHaveBeenCalledWith('s3cr3t');
      expect(element.querySelector('[role="status"]')?.textContent).toContain('copied');
    } finally {
      Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    }
  });

  it('explains a used or expired link (410)', async () => {
    const redeem = vi.fn(() =>
      throwError(
        () => new HttpErrorResponse({ status: 410, error: { status: 410, title: 'Gone' } }),
      ),
    );
    const { element } = await render('/delegations/bot-secret#tok-123', redeem);
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(LINK_GONE);
    expect(element.textContent).not.toContain('Client secret');
  });

  it('explains a link without token and calls nothing', async () => {
    const redeem = vi.fn();
    const { element } = await render('/delegations/bot-secret', redeem);
    expect(redeem).not.toHaveBeenCalled();
    expect(element.querySelector('[role="alert"]')?.textContent?.trim()).toBe(LINK_WITHOUT_TOKEN);
  });
});
