import { RevealStore } from './reveal-store';

describe('RevealStore', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts down every second and forgets the values when the time is up', () => {
    const store = new RevealStore();
    store.show('c-1', { values: { apiKey: 'k', apiSecret: 's' }, shownForSeconds: 3 });
    expect(store.current()).toEqual({
      connectionId: 'c-1',
      values: { apiKey: 'k', apiSecret: 's' },
      remaining: 3,
    });
    expect(store.forConnection('c-1')?.remaining).toBe(3);
    expect(store.forConnection('c-2')).toBeNull();

    vi.advanceTimersByTime(1000);
    expect(store.current()?.remaining).toBe(2);
    vi.advanceTimersByTime(1999);
    expect(store.current()?.remaining).toBe(1);
    vi.advanceTimersByTime(1);
    expect(store.current()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('replaces an earlier reveal and can be hidden at once', () => {
    const store = new RevealStore();
    store.show('c-1', { values: { apiKey: 'k1', apiSecret: 's1' }, shownForSeconds: 30 });
    store.show('c-2', { values: { apiKey: 'k2', apiSecret: 's2' }, shownForSeconds: 30 });
    expect(store.current()?.connectionId).toBe('c-2');
    expect(vi.getTimerCount()).toBe(1);

    store.hide();
    expect(store.current()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('forgets the values when destroyed', () => {
    const store = new RevealStore();
    store.show('c-1', { values: { apiKey: 'k', apiSecret: 's' }, shownForSeconds: 30 });
    store.ngOnDestroy();
    expect(store.current()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });
});
