import type { RetentionPolicy } from '../../src/config/app-config';
import type { HistoryEntry } from '../../src/domain/diagnosis';
import { encodeJson } from '../../src/domain/reading-json';
import { encodePacked } from '../../src/store/reading-codec';
import { RedisReadingStore } from '../../src/store/redis/redis-reading.store';
import { allStoredCases, SHAPES } from '../support/stored-readings';
import { BACKENDS, type Backend } from './store-fixtures';

// The value formats on a real Redis: what the service stores reads back exactly, a day of history keeps its sorted
// set compact, and values written in the formats of before still read.

const openRedis = BACKENDS.find(([kind]) => kind === 'redis')![1];
const cases = allStoredCases();
const DAY: RetentionPolicy = {
  readingTtlSec: 86_400,
  historyRetentionSec: 8 * 86_400,
  historyMaxEntries: 1000,
  counterWindowSec: 3600,
  counterSpacingSec: 600,
  eventLogRows: 50,
};
const STEP_MS = 15 * 60_000;

describe('stored value formats on Redis', () => {
  let backend: Backend;
  let store: RedisReadingStore;
  const clock = cases[0].stored.reading.observedAt;

  beforeEach(async () => {
    backend = await openRedis();
    store = new RedisReadingStore(backend.space!, DAY, () => clock);
  });
  afterEach(() => backend.close());

  it('reads back what it stored, for every scenario, generation, quirk and CMTS dialect', async () => {
    for (const c of cases) {
      await store.saveReading(c.stored, c.entry, c.counters);
    }
    for (const c of cases) {
      const id = c.stored.reading.modemId;
      // The fleet of each dialect reuses the ids: the last dialect's reading is the one kept.
      const last = cases.filter((x) => x.stored.reading.modemId === id).at(-1)!;
      expect(await store.latest(id)).toStrictEqual(last.stored);
      expect(await store.counterBaseline(id, 0)).toStrictEqual(last.counters);
    }
  });

  it.each(SHAPES.map((s) => [[s.docsis, ...s.quirks].join('+')]))(
    'keeps a day of history at 15 minutes (96 entries) a listpack, and reads it back exactly: DOCSIS %s',
    async (shape) => {
      const c = cases.find((x) => x.name.startsWith(`TEXTBOOK / ${shape} /`))!;
      const id = c.stored.reading.modemId;
      const day: HistoryEntry[] = Array.from({ length: 96 }, (_, k) => ({
        ...c.entry,
        at: clock - (95 - k) * STEP_MS + (k % 7),
        // As the poller reads it: sysUpTime (hundredths of a second) / 100.
        ...(c.entry.uptimeSec !== undefined && {
          uptimeSec: Math.round(c.entry.uptimeSec * 100 + k * 90_000) / 100,
        }),
        cmtsRegState: 8,
        lastRegAt: clock - 3 * 86_400_000 - 300,
      }));
      // A silent night: entries that say the same thing, apart from their time.
      const silent = day.map((e, k) => (k < 40 ? { at: e.at, reachable: false, cmtsRegState: 1 } : e));
      for (const e of silent) {
        await store.saveReading({ ...c.stored, reading: { ...c.stored.reading, observedAt: e.at } }, e, null);
      }
      const s = backend.space!;
      expect(await s.redis.zcard(s.tagged('hist', id))).toBe(96);
      expect(await s.redis.object('ENCODING', s.tagged('hist', id))).toBe('listpack');
      expect(await store.history(id, 0)).toStrictEqual(silent);
      expect(await store.history(id, silent[90].at)).toStrictEqual(silent.slice(90));
    },
  );

  it('reads values written in the formats of before: deflated V8 and JSON readings, CSV and JSON history', async () => {
    const s = backend.space!;
    const [a, b] = cases.filter((c) => c.stored.reading.reachable && c.counters);
    await s.redis.set(s.tagged('latest', 'old-v8'), encodePacked(a.stored));
    await s.redis.set(s.tagged('latest', 'old-json'), encodeJson(b.stored));
    expect(await store.latest('old-v8')).toStrictEqual(a.stored);
    expect(await store.latest('old-json')).toEqual(b.stored);

    await s.redis.zadd(s.tagged('cw', 'old'), a.counters!.at, encodePacked(a.counters));
    expect(await store.counterBaseline('old', 0)).toStrictEqual(a.counters);

    const hist = s.tagged('hist', 'old');
    await s.redis.zadd(hist, 1000, '[1000,1,3600,12,0,5,1,0,0]');
    await s.redis.zadd(hist, 5, '5,0,,,,,,,4,1');
    const now: HistoryEntry = {
      at: 2000,
      reachable: true,
      uptimeSec: 4600.5,
      resets: 0,
      verdict: 'MARGINAL',
    };
    const early = new RedisReadingStore(s, DAY, () => 3000);
    await early.addHistory('old', [now]);
    expect(await early.history('old', 0)).toStrictEqual([
      { at: 5, reachable: false, verdict: 'MODEM_OFFLINE', cmtsRegState: 1 },
      {
        at: 1000,
        reachable: true,
        uptimeSec: 3600,
        statusValue: 12,
        resets: 0,
        t3: 5,
        t4: 1,
        t3Exceeded: 0,
        verdict: 'TEXTBOOK_OK',
      },
      now,
    ]);
  });
});
