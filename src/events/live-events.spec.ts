import { InProcessLiveEvents, type LiveBatch } from './live-events';

describe('LiveEvents coalescing', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends one batch per flush interval, listing at most 200 diagnoses and the latest progress per sweep', () => {
    const events = new InProcessLiveEvents();
    const batches: LiveBatch[] = [];
    events.subscribe((b) => batches.push(b));
    for (let i = 0; i < 300; i++) {
      events.diagnosis({ modemId: `m${i}`, verdict: 'TEXTBOOK_OK', cmtsId: 'c', serviceGroupId: '1.1' });
    }
    events.sweep({ sweepId: 's', total: 300, done: 100, failed: 0, finished: false });
    events.sweep({ sweepId: 's', total: 300, done: 300, failed: 0, finished: true });
    expect(batches).toHaveLength(0);
    jest.advanceTimersByTime(500);
    expect(batches).toHaveLength(1);
    expect(batches[0].diagnoses).toHaveLength(200);
    expect(batches[0].moreDiagnoses).toBe(100);
    expect(batches[0].sweeps).toEqual([{ sweepId: 's', total: 300, done: 300, failed: 0, finished: true }]);
    jest.advanceTimersByTime(5000);
    expect(batches).toHaveLength(1);
  });

  it('stops delivering to a listener that unsubscribed', () => {
    const events = new InProcessLiveEvents();
    const seen: LiveBatch[] = [];
    const off = events.subscribe((b) => seen.push(b));
    off();
    events.sweep({ sweepId: 's', total: 1, done: 1, failed: 0, finished: true });
    jest.advanceTimersByTime(500);
    expect(seen).toEqual([]);
    expect(events.subscribers).toBe(0);
  });
});
