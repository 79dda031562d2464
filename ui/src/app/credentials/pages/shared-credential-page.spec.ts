import { Clipboard } from '@angular/cdk/clipboard';
import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import {
  accessibleText,
  buttonByText,
  buttonsByText,
  getByLabel,
  queryByLabel,
  typeInto,
} from '../../shared/testing/dom-queries';
import { CredentialsApi } from '../credentials-api';
import { OpenedShare, ShareCodeSent } from '../credentials.models';
import { SHARE_LINK_GONE, SharedCredentialPage, wrongCodeMessage } from './shared-credential-page';

const SHARED: OpenedShare = {
  label: 'Main account',
  broker: 'Zerodha Kite Connect',
  values: { apiKey: 'key-1234', apiSecret: 's3cr3t', accessToken: 'tok-abc' },
};

function problem(status: number, slug: string, extra: Record<string, unknown> = {}) {
  return new HttpErrorResponse({
    status,
    error: {
      type: `https://partner-workspace/problems/${slug}`,
      title: slug,
      status,
      detail: `Problem ${slug}`,
      ...extra,
    },
  });
}

async function render() {
  const api = {
    requestShareCode: vi.fn<(id: string) => Observable<ShareCodeSent>>(() =>
      of({ recipientHint: 'a•••@example.com', codeExpiresAt: '2026-11-26T10:10:00Z' }),
    ),
    openShare: vi.fn<(id: string, code: string) => Observable<OpenedShare>>(),
  };
  const clipboard = { copy: vi.fn(() => true) };
  TestBed.configureTestingModule({
    imports: [SharedCredentialPage],
    providers: [
      { provide: CredentialsApi, useValue: api },
      { provide: Clipboard, useValue: clipboard },
    ],
  });
  const fixture = TestBed.createComponent(SharedCredentialPage);
  fixture.componentRef.setInput('id', 'tok-1');
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  return { fixture, element, api, clipboard, stable: () => fixture.whenStable() };
}

describe('SharedCredentialPage', () => {
  it('mails a code, opens the link with it once and offers to copy the values', async () => {
    const { element, api, clipboard, stable } = await render();
    expect(accessibleText(element.querySelector('h1')!)).toBe('Shared credential');

    buttonByText(element, 'Email me a one-time code')!.click();
    await stable();
    expect(api.requestShareCode).toHaveBeenCalledWith('tok-1');
    expect(element.querySelector('[role="status"]')?.textContent).toContain(
      'A code was sent to a•••@example.com',
    );

    api.openShare.mockReturnValue(of(SHARED));
    typeInto(getByLabel(element, 'One-time code'), ' 123 456 ');
    buttonByText(element, 'Open')!.click();
    await stable();

    expect(api.openShare).toHaveBeenCalledWith('tok-1', '123456');
    expect(element.textContent).toContain('Main account');
    expect(element.textContent).toContain('Zerodha Kite Connect');
    expect((getByLabel(element, 'API key') as HTMLInputElement).value).toBe('key-1234');
    expect((getByLabel(element, 'API secret') as HTMLInputElement).value).toBe('s3cr3t');
    expect((getByLabel(element, 'Access token') as HTMLInputElement).value).toBe('tok-abc');
    expect(element.textContent).toContain('This link cannot be opened again');
    expect(queryByLabel(element, 'One-time code')).toBeNull();

    const copies = buttonsByText(element, 'Copy');
    expect(copies).toHaveLength(3);
    copies[1].click();
    expect(clipboard.copy).toHaveBeenCalledWith('s3cr3t');
  });

  it('says so when the link was already opened or has expired (410)', async () => {
    const { element, api, stable } = await render();
    api.openShare.mockReturnValue(throwError(() => problem(410, 'link-used-or-expired')));
    typeInto(getByLabel(element, 'One-time code'), '123456');
    buttonByText(element, 'Open')!.click();
    await stable();

    expect(accessibleText(element.querySelector('[role="alert"]')!)).toBe(SHARE_LINK_GONE);
    expect(SHARE_LINK_GONE).toBe('This link was already opened or has expired.');
    expect(queryByLabel(element, 'One-time code')).toBeNull();
    expect(buttonByText(element, 'Email me a one-time code')).toBeUndefined();
  });

  it('says so when asking for a code on a used link', async () => {
    const { element, api, stable } = await render();
    api.requestShareCode.mockReturnValue(throwError(() => problem(410, 'link-used-or-expired')));
    buttonByText(element, 'Email me a one-time code')!.click();
    await stable();
    expect(accessibleText(element.querySelector('[role="alert"]')!)).toBe(SHARE_LINK_GONE);
  });

  it('tells how many attempts are left after a wrong code', async () => {
    const { element, api, stable } = await render();
    api.openShare.mockReturnValue(
      throwError(() => problem(400, 'invalid-share-code', { attemptsLeft: 2 })),
    );
    typeInto(getByLabel(element, 'One-time code'), '000000');
    buttonByText(element, 'Open')!.click();
    await stable();

    expect(accessibleText(element.querySelector('[role="alert"]')!)).toBe(
      'The code is not correct. 2 attempts left.',
    );
    expect(queryByLabel(element, 'One-time code')).not.toBeNull();
  });

  it('does not call the engine without a code', async () => {
    const { element, api, stable } = await render();
    buttonByText(element, 'Open')!.click();
    await stable();
    expect(api.openShare).not.toHaveBeenCalled();
  });

  it('words the attempts left', () => {
    expect(wrongCodeMessage(1)).toBe('The code is not correct. 1 attempt left.');
    expect(wrongCodeMessage(0)).toBe('The code is not correct. No attempts are left.');
    expect(wrongCodeMessage(null)).toBe('The code is not correct.');
  });
});
