import type { ModemReading } from '../../src/domain/modem-reading';
import { InventoryService } from '../../src/inventory/inventory.service';
import type { ModemStore } from '../../src/inventory/modem.store';
import type { ReadingStore } from '../../src/readings/reading.store';
import { MemoryCmtsStore } from '../../src/store/memory/memory-cmts.store';
import { MemoryModemStore } from '../../src/store/memory/memory-modem.store';
import { MemoryReadingStore } from '../../src/store/memory/memory-reading.store';
import { RedisCmtsStore } from '../../src/store/redis/redis-cmts.store';
import { RedisModemStore } from '../../src/store/redis/redis-modem.store';
import { RedisReadingStore } from '../../src/store/redis/redis-reading.store';
import {
  BACKENDS,
  counters,
  diagnosis,
  entry,
  reading,
  record,
  retention,
  type Backend,
} from './store-fixtures';

describe.each(BACKENDS)('ReadingStore contract (%s)', (_kind, open) => {
  let backend: Backend;
  let store: ReadingStore;
  let modems: ModemStore;
  /** Deletes a modem as the app does: its record and everything kept about it. */
  let inventory: InventoryService;
  let clock: number;

  beforeEach(async () => {
    clock = 10_000_000;
    backend = await open();
    const s = backend.space;
    store = s
      ? new RedisReadingStore(s, retention, () => clock)
      : new MemoryReadingStore(retention, () => clock);
    modems = s ? new RedisModemStore(s) : new MemoryModemStore();
    inventory = new InventoryService(modems, s ? new RedisCmtsStore(s) : new MemoryCmtsStore(), store);
  });
  afterEach(() => backend.close());

  it('round-trips the latest reading with Counter64 values as bigint', async () => {
    await store.saveReading(
      { reading: reading('m1', clock), diagnosis, thresholdsProfile: 'p' },
      entry(clock),
      null,
    );
    const latest = await store.latest('m1');
    expect(latest?.reading).toEqual(reading('m1', clock));
    expect(latest?.diagnosis).toEqual(diagnosis);
    expect(await store.latest('other')).toBeNull();

    // Read again: the same; replaced: the new one at once (the Redis store reuses decoded readings).
    expect(await store.latest('m1')).toEqual(latest);
    await store.saveReading(
      { reading: reading('m1', clock + 60_000), diagnosis, thresholdsProfile: 'p2' },
      entry(clock + 60_000),
      null,
    );
    const replaced = await store.latest('m1');
    expect(replaced?.reading.observedAt).toBe(clock + 60_000);
    expect(replaced?.thresholdsProfile).toBe('p2');
  });

  it('bounds history by count and returns it oldest first from a given time', async () => {
    for (let i = 0; i < 8; i++) {
      clock += 1000;
      await store.saveReading(
        { reading: reading('m2', clock), diagnosis, thresholdsProfile: 'p' },
        entry(clock),
        null,
      );
    }
    const all = await store.history('m2', 0);
    expect(all.map((e) => e.at)).toEqual([10_004_000, 10_005_000, 10_006_000, 10_007_000, 10_008_000]);
    expect(all[0]).toEqual(entry(10_004_000));
    expect((await store.history('m2', 10_007_000)).map((e) => e.at)).toEqual([10_007_000, 10_008_000]);
  });

  it('adds history entries without a reading, in time order with the rest and within the same bounds', async () => {
    await store.saveReading(
      { reading: reading('m-seeded', clock), diagnosis, thresholdsProfile: 'p' },
      entry(clock),
      null,
    );
    await store.addHistory('m-seeded', [entry(clock - 3000), entry(clock - 2000), entry(clock - 1000)]);
    expect((await store.history('m-seeded', 0)).map((e) => e.at)).toEqual([
      clock - 3000,
      clock - 2000,
      clock - 1000,
      clock,
    ]);
    await store.addHistory('m-seeded', [entry(clock - 5000), entry(clock - 4000)]);
    expect((await store.history('m-seeded', 0)).map((e) => e.at)).toEqual([
      clock - 4000,
      clock - 3000,
      clock - 2000,
      clock - 1000,
      clock,
    ]);
    expect(await store.latest('m-seeded')).not.toBeNull();
  });

  it('drops history older than the retention time', async () => {
    await store.saveReading(
      { reading: reading('m3', clock), diagnosis, thresholdsProfile: 'p' },
      entry(clock),
      null,
    );
    clock += 3601_000;
    await store.saveReading(
      { reading: reading('m3', clock), diagnosis, thresholdsProfile: 'p' },
      entry(clock),
      null,
    );
    expect((await store.history('m3', 0)).map((e) => e.at)).toEqual([clock]);
  });

  it('keeps at most one counter snapshot per spacing and answers the earliest inside a window', async () => {
    const save = async (): Promise<void> =>
      store.saveReading(
        { reading: reading('m4', clock), diagnosis, thresholdsProfile: 'p' },
        entry(clock),
        counters(clock),
      );
    await save();
    clock += 60_000;
    await save(); // within the 120 s spacing: not kept
    clock += 61_000;
    await save();
    expect(await store.counterBaseline('m4', 0)).toEqual(counters(10_000_000));
    expect(await store.counterBaseline('m4', 10_000_001)).toEqual(counters(10_121_000));
    expect(await store.counterBaseline('m4', clock + 1)).toBeNull();
  });

  it('removes readings, history and snapshots with the modem', async () => {
    await modems.putModem(record('m5'));
    await store.saveReading(
      { reading: reading('m5', clock), diagnosis, thresholdsProfile: 'p' },
      entry(clock),
      counters(clock),
    );
    await inventory.delete('m5');
    expect(await modems.getModem('m5')).toBeNull();
    expect(await store.latest('m5')).toBeNull();
    expect(await store.history('m5', 0)).toEqual([]);
    expect(await store.counterBaseline('m5', 0)).toBeNull();
    expect(await store.latestVerdicts(['m5'])).toEqual(new Map());
  });

  it("keeps the event log of the latest full poll: a sweep's fast poll after it leaves it, a newer full poll replaces it", async () => {
    const log = [
      {
        index: 4,
        firstAt: null,
        lastAt: clock - 5000,
        count: 3,
        level: 3,
        eventId: 82000200,
        text: 'T3 time-out',
      },
    ];
    const full = (at: number, events: typeof log | null): ModemReading => ({
      ...(reading('m1', at) as Extract<ModemReading, { reachable: true }>),
      detail: 'full',
      events,
    });
    expect(await store.eventLog('m1')).toBeNull();
    await store.saveReading(
      { reading: full(clock, log), diagnosis, thresholdsProfile: 'p' },
      entry(clock),
      null,
    );
    expect(await store.eventLog('m1')).toEqual({ readAt: clock, events: log });

    clock += 60_000;
    await store.saveReading(
      { reading: reading('m1', clock), diagnosis, thresholdsProfile: 'p' },
      entry(clock),
      null,
    );
    expect(await store.eventLog('m1')).toEqual({ readAt: clock - 60_000, events: log });

    clock += 60_000;
    await store.saveReading(
      { reading: full(clock, null), diagnosis, thresholdsProfile: 'p' },
      entry(clock),
      null,
    );
    expect(await store.eventLog('m1')).toEqual({ readAt: clock, events: null });
    expect(await store.eventLog('other')).toBeNull();

    // Kept as long as history (3600 s here): Redis expires it on its own clock, the in-process store on the test's.
    if (backend.space) {
      expect(await backend.space.redis.ttl(backend.space.tagged('evlog', 'm1'))).toBeGreaterThan(3500);
    } else {
      clock += 3_600_000 + 1000;
      expect(await store.eventLog('m1')).toBeNull();
    }
  });

  it('forgets everything kept about a modem', async () => {
    const silent: ModemReading = {
      reachable: false,
      modemId: 'm7',
      observedAt: clock,
      latencyMs: 400,
      error: 'x',
    };
    await store.saveReading(
      { reading: silent, diagnosis, thresholdsProfile: 'p' },
      entry(clock),
      counters(clock),
    );
    await store.saveReading(
      {
        reading: {
          ...(reading('m8', clock) as Extract<ModemReading, { reachable: true }>),
          detail: 'full',
          events: [],
        },
        diagnosis,
        thresholdsProfile: 'p',
      },
      entry(clock),
      null,
    );
    await store.forgetModem('m7');
    await store.forgetModem('m8');
    expect(await store.eventLog('m8')).toBeNull();
    expect(await store.latest('m7')).toBeNull();
    expect(await store.history('m7', 0)).toEqual([]);
    expect(await store.counterBaseline('m7', 0)).toBeNull();
    expect(await store.latestVerdicts(['m7'])).toEqual(new Map());
    expect(await store.silentModemsSince(0)).toBe(0);
  });

  it('counts the modems whose latest reading is a silent one, since a given time', async () => {
    const silent = (id: string, at: number): ModemReading => ({
      reachable: false,
      modemId: id,
      observedAt: at,
      latencyMs: 400,
      error: 'timeout',
    });
    const save = (r: ModemReading) =>
      store.saveReading({ reading: r, diagnosis, thresholdsProfile: 'p' }, entry(r.observedAt), null);
    await save(silent('s1', clock - 60_000));
    await save(silent('s2', clock - 1_000));
    await save(silent('s3', clock));
    await save(silent('s3', clock)); // the same modem twice counts once
    expect(await store.silentModemsSince(clock - 120_000)).toBe(3);
    expect(await store.silentModemsSince(clock - 30_000)).toBe(2);
    await save(reading('s2', clock)); // it answered again
    expect(await store.silentModemsSince(clock - 120_000)).toBe(2);
    await modems.putModem(record('s3'));
    await inventory.delete('s3');
    expect(await store.silentModemsSince(clock - 120_000)).toBe(1);
  });

  it('answers the latest verdicts of several modems at once', async () => {
    await store.saveReading(
      { reading: reading('v1', clock), diagnosis, thresholdsProfile: 'p' },
      entry(clock),
      null,
    );
    const verdicts = await store.latestVerdicts(['v1', 'v2']);
    expect([...verdicts]).toEqual([['v1', { verdict: 'TEXTBOOK_OK', subKinds: [], at: clock }]]);
  });
});
