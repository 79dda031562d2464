import { TestBed } from '@angular/core/testing';
import { Observable, of } from 'rxjs';
import { buttonByText } from '../testing/dom-queries';
import { SurveyApi, SurveyPrompt, SurveyTrigger } from './survey-api';
import { SurveyCard } from './survey-card';

const ASK: SurveyPrompt = {
  ask: true,
  trigger: 'rotation',
  question: 'How easy was that, from 1 (very hard) to 5 (very easy)?',
};

async function render(prompt: SurveyPrompt = ASK) {
  const api = {
    prompt: vi.fn<(trigger: SurveyTrigger) => Observable<SurveyPrompt>>(() => of(prompt)),
    answer: vi.fn<(trigger: SurveyTrigger, score: number, comment: string) => Observable<unknown>>(
      () => of({}),
    ),
    dismiss: vi.fn<(trigger: SurveyTrigger) => Observable<void>>(() => of(undefined)),
  };
  TestBed.configureTestingModule({
    imports: [SurveyCard],
    providers: [{ provide: SurveyApi, useValue: api }],
  });
  const fixture = TestBed.createComponent(SurveyCard);
  fixture.componentInstance.offer('rotation');
  fixture.detectChanges();
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement, api };
}

describe('SurveyCard', () => {
  it('asks the question with five scores and sends the chosen one with the comment', async () => {
    const { fixture, element, api } = await render();
    expect(element.textContent).toContain('How easy was that');
    const send = buttonByText(element, 'Send answer')!;
    expect(send.disabled).toBe(true);

    const four = Array.from(element.querySelectorAll<HTMLInputElement>('input[type="radio"]'))[3];
    four.click();
    fixture.detectChanges();
    send.click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(api.answer).toHaveBeenCalledWith('rotation', 4, '');
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Thank you');
  });

  it('goes away with "Not now", which the server records', async () => {
    const { fixture, element, api } = await render();
    buttonByText(element, 'Not now')!.click();
    await fixture.whenStable();
    fixture.detectChanges();

    expect(api.dismiss).toHaveBeenCalledWith('rotation');
    expect(element.querySelector('.survey')).toBeNull();
  });

  it('shows nothing when the person was asked this week', async () => {
    const { element } = await render({ ...ASK, ask: false });
    expect(element.querySelector('.survey')).toBeNull();
  });
});
