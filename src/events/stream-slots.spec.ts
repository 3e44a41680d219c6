import { StreamSlots } from './stream-slots';

describe('StreamSlots', () => {
  it('caps streams per key and in all, and frees a slot once on release', () => {
    const slots = new StreamSlots({ maxStreamsPerKey: 2, maxStreams: 3 });
    const a1 = slots.take('a');
    const a2 = slots.take('a');
    expect('release' in a1 && 'release' in a2).toBe(true);
    expect(slots.take('a')).toEqual({ refused: expect.stringContaining('EVENTS_MAX_STREAMS_PER_KEY') });
    const b1 = slots.take('b');
    expect('release' in b1).toBe(true);
    expect(slots.take('c')).toEqual({ refused: expect.stringContaining('EVENTS_MAX_STREAMS)') });
    if (!('release' in a1)) {
      throw new Error('unreachable');
    }
    a1.release();
    a1.release();
    expect(slots.open).toBe(2);
    expect('release' in slots.take('a')).toBe(true);
    expect(slots.take('c')).toEqual({ refused: expect.stringContaining('retry later') });
  });
});
