import type { RetentionPolicy } from '../src/config/app-config';
import { randomBytes } from 'node:crypto';
import type { CounterSnapshot, Diagnosis, HistoryEntry } from '../src/domain/diagnosis';
import type { ModemRecord } from '../src/domain/modem-record';
import { MemoryTelemetryStore } from '../src/store/memory-telemetry.store';
import type { ModemReading } from '../src/domain/modem-reading';
import { RedisTelemetryStore } from '../src/store/redis-telemetry.store';
import {
  StoreUnavailableError,
  type TelemetryStore,
} from '../src/store/telemetry-store';
import { testRedisUrl } from './support/test-app';

// One contract, two stores: the in-process one and Redis (a real server, started by the test command).

const retention: RetentionPolicy = {
  readingTtlSec: 60,
  historyRetentionSec: 3600,
  historyMaxEntries: 5,
  counterWindowSec: 600,
  counterSpacingSec: 120,
};

const diagnosis: Diagnosis = {
  verdict: 'TEXTBOOK_OK',
  subKinds: [],
  action: 'CHECK_CUSTOMER_EQUIPMENT',
  summary: 'ok',
  findings: [],
  notChecked: [],
};

function record(id: string): ModemRecord {
  return {
    id,
    host: '127.0.0.1',
    port: 161,
    snmp: { version: '2c', community: 'secret' },
    createdAt: 1,
    updatedAt: 1,
  };
}

function reading(id: string, at: number): ModemReading {
  return {
    reachable: true,
    modemId: id,
    observedAt: at,
    latencyMs: 3,
    sysDescr: 'x',
    uptimeSec: 100,
    docsisVersion: '3.0',
    status: { value: 12, name: 'operational', resets: 0, lostSyncs: 0 },
    downstream: [
      {
        ifIndex: 3,
        channelId: 1,
        frequencyHz: 1,
        modulation: 'qam256',
        locked: true,
        powerDbmv: 0,
        snrDb: 40,
        unerrored: 18_446_744_073_709_551_000n,
        corrected: 1n,
        uncorrectable: 0n,
      },
    ],
    upstream: [],
    ofdm: [],
    ofdma: [],
    cpes: [],
    cpeMacs: [],
  };
}

function entry(at: number): HistoryEntry {
  return {
    at,
    reachable: true,
    uptimeSec: at / 1000,
    statusValue: 12,
    resets: 0,
    t3: 1,
    t4: 0,
    t3Exceeded: 0,
    verdict: 'MARGINAL',
    cmtsRegState: 8,
    lastRegAt: at - 86_400_000,
  };
}

function counters(at: number): CounterSnapshot {
  return {
    at,
    uptimeSec: 5,
    ds: [{ ifIndex: 3, unerrored: 2n ** 63n, corrected: 1n, uncorrectable: 2n }],
    ofdm: [],
  };
}

const stores: [string, (now: () => number) => Promise<TelemetryStore>][] = [
  ['memory', (now) => Promise.resolve(new MemoryTelemetryStore(retention, now))],
  [
    'redis',
    async (now) => {
      const s = new RedisTelemetryStore(
        testRedisUrl(),
        `contract-${randomBytes(4).toString('hex')}:`,
        retention,
        now,
      );
      await s.connect();
      return s;
    },
  ],
];

describe.each(stores)('TelemetryStore contract (%s)', (_kind, make) => {
  let store: TelemetryStore;
  let clock: number;

  beforeEach(async () => {
    clock = 10_000_000;
    store = await make(() => clock);
  });
  afterEach(() => store.close());

  it('keeps modem records, lists them in id order with paging, deletes them', async () => {
    for (const id of ['c', 'a', 'b']) {
      await store.putModem(record(id));
    }
    expect(await store.getModem('a')).toEqual(record('a'));
    expect(await store.getModem('zz')).toBeNull();
    const page = await store.listModems(1, 1);
    expect(page.total).toBe(3);
    expect(page.items.map((m) => m.id)).toEqual(['b']);
    expect(await store.deleteModem('b')).toBe(true);
    expect(await store.deleteModem('b')).toBe(false);
    expect((await store.listModems(0, 10)).items.map((m) => m.id)).toEqual(['a', 'c']);
  });

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

  it('reserves rate-limit slots one interval apart, on every given limit at once', async () => {
    const key = `r-${randomBytes(3).toString('hex')}`;
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      waits.push(await store.reserveSlots([{ key, intervalMs: 1000 }]));
    }
    // The Redis store uses Redis' clock, so a little real time passes between the calls.
    expect(waits[0]).toBe(0);
    expect(waits[1]).toBeGreaterThan(900);
    expect(waits[1]).toBeLessThanOrEqual(1000);
    expect(waits[2]).toBeGreaterThan(1900);
    expect(waits[2]).toBeLessThanOrEqual(2000);
    // A second limit that is free still waits for the busy one, and is then held until the same start.
    const both = await store.reserveSlots([
      { key: `${key}-other`, intervalMs: 10 },
      { key, intervalMs: 1000 },
    ]);
    expect(both).toBeGreaterThan(2900);
    expect(await store.reserveSlots([{ key: `${key}-other`, intervalMs: 10 }])).toBeGreaterThan(2900);
  });

  it('indexes modems by customer number and keeps the index through updates and deletes', async () => {
    const withCustomer = (id: string, customerNumber: string): ModemRecord => ({
      ...record(id),
      customer: { customerNumber, fullName: 'Jan Iksiński', address: 'Długa 5/12' },
    });
    await store.putModem(withCustomer('c1', 'C100'));
    await store.putModem(withCustomer('c2', 'C100'));
    expect(await store.modemIdsByCustomer('C100')).toEqual(['c1', 'c2']);
    await store.putModem(withCustomer('c2', 'C200'));
    expect(await store.modemIdsByCustomer('C100')).toEqual(['c1']);
    expect(await store.modemIdsByCustomer('C200')).toEqual(['c2']);
    await store.deleteModem('c1');
    expect(await store.modemIdsByCustomer('C100')).toEqual([]);
  });

  it('keeps documents, lists a kind, expires and deletes them', async () => {
    await store.putDoc('key', 'b', { id: 'b', roles: ['noc'] });
    await store.putDoc('key', 'a', { id: 'a', roles: ['agent'] });
    await store.putDoc('token', 't', { modemId: 'm' }, 60);
    expect(await store.getDoc('key', 'a')).toEqual({ id: 'a', roles: ['agent'] });
    expect(await store.listDocs('key')).toEqual([
      { id: 'a', roles: ['agent'] },
      { id: 'b', roles: ['noc'] },
    ]);
    expect(await store.deleteDoc('key', 'a')).toBe(true);
    expect(await store.deleteDoc('key', 'a')).toBe(false);
    expect(await store.getDoc('key', 'a')).toBeNull();
    expect(await store.getDoc('token', 't')).toEqual({ modemId: 'm' });
    // Expiring documents are read by id only: nothing lists them, so nothing of them outlives their TTL.
    expect(await store.listDocs('token')).toEqual([]);
    await store.putDoc('key', 'c', { id: 'c', roles: ['noc'] }, 60);
    expect(await store.listDocs('key')).toEqual([{ id: 'b', roles: ['noc'] }]);
  });

  it('counts within a window that starts at the first count', async () => {
    const id = `n-${randomBytes(3).toString('hex')}`;
    expect(await store.getCounter('fail', id)).toEqual({ count: 0, ttlSec: 0 });
    expect(await store.bumpCounter('fail', id, 60)).toBe(1);
    expect(await store.bumpCounter('fail', id, 600)).toBe(2);
    const c = await store.getCounter('fail', id);
    expect(c.count).toBe(2);
    expect(c.ttlSec).toBeGreaterThan(50);
    expect(c.ttlSec).toBeLessThanOrEqual(60);
    await store.clearCounter('fail', id);
    expect((await store.getCounter('fail', id)).count).toBe(0);
  });

  it('keeps the audit log newest first and drops entries past retention', async () => {
    const actor = { keyId: 'k1', name: 'desk' };
    await store.appendAudit({ at: clock - 7200_000, actor, action: 'old', outcome: 'ok' }, 3600);
    for (let i = 0; i < 3; i++) {
      await store.appendAudit(
        { at: clock + i, actor, action: 'verify', target: 'C1', outcome: i === 2 ? 'verified' : 'no_match' },
        3600,
      );
    }
    const entries = await store.listAudit(0, 10);
    expect(entries.map((e) => e.outcome)).toEqual(['verified', 'no_match', 'no_match']);
    expect(entries[0]).toEqual({ at: clock + 2, actor, action: 'verify', target: 'C1', outcome: 'verified' });
    expect(await store.listAudit(clock + 1, 1)).toHaveLength(1);
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
    await store.putModem(record('m5'));
    await store.saveReading(
      { reading: reading('m5', clock), diagnosis, thresholdsProfile: 'p' },
      entry(clock),
      counters(clock),
    );
    await store.deleteModem('m5');
    expect(await store.latest('m5')).toBeNull();
    expect(await store.history('m5', 0)).toEqual([]);
    expect(await store.counterBaseline('m5', 0)).toBeNull();
  });

  it('indexes modems by MAC and by last known service group, and follows them when they move', async () => {
    const membership = { cmtsId: 'c1', mdIfIndex: 1000, sgId: 2, regId: 7, seenAt: 1 };
    await store.putModem({ ...record('n1'), mac: '00:1d:cd:00:00:01', membership });
    await store.putModem({ ...record('n2'), mac: '00:1d:cd:00:00:02', membership });
    expect(await store.modemIdByMac('00:1d:cd:00:00:02')).toBe('n2');
    expect(await store.groupMembers('c1', '1000.2')).toEqual(['n1', 'n2']);
    expect(await store.groups('c1')).toEqual(['1000.2']);
    expect((await store.getModems(['n2', 'zz', 'n1'])).map((m) => m.id)).toEqual(['n2', 'n1']);

    await store.putModem({
      ...record('n2'),
      mac: '00:1d:cd:00:00:03',
      membership: { ...membership, sgId: 3 },
    });
    expect(await store.modemIdByMac('00:1d:cd:00:00:02')).toBeNull();
    expect(await store.modemIdByMac('00:1d:cd:00:00:03')).toBe('n2');
    expect(await store.groupMembers('c1', '1000.2')).toEqual(['n1']);
    expect(await store.groups('c1')).toEqual(['1000.2', '1000.3']);

    await store.deleteModem('n1');
    expect(await store.groupMembers('c1', '1000.2')).toEqual([]);
    expect(await store.modemIdByMac('00:1d:cd:00:00:01')).toBeNull();
    expect(await store.groups('c1')).toEqual(['1000.3']);
  });

  it('keeps CMTS records', async () => {
    const cmts = {
      id: 'c9',
      host: 'h',
      port: 161,
      snmp: { version: '2c' as const, community: 's' },
      setPointDbmv: 0,
      createdAt: 1,
      updatedAt: 1,
    };
    await store.putCmts(cmts);
    expect(await store.getCmts('c9')).toEqual(cmts);
    expect((await store.listCmts()).map((c) => c.id)).toEqual(['c9']);
    expect(await store.deleteCmts('c9')).toBe(true);
    expect(await store.getCmts('c9')).toBeNull();
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
    await store.putModem(record('s3'));
    await store.deleteModem('s3');
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

  it('counts each modem of a sweep once, however often its chunk is retried, and marks it finished', async () => {
    await store.createSweep({
      id: 's1',
      scope: { kind: 'all' },
      trigger: 'api',
      total: 3,
      done: 0,
      failed: 0,
      byVerdict: {},
      createdAt: clock,
      finishedAt: null,
    });
    await store.recordSweepOutcomes(
      's1',
      [
        { modemId: 'a', verdict: 'TEXTBOOK_OK' },
        { modemId: 'b', verdict: null },
      ],
      clock + 1,
    );
    await store.recordSweepOutcomes(
      's1',
      [
        { modemId: 'a', verdict: 'TEXTBOOK_OK' },
        { modemId: 'b', verdict: 'MARGINAL' },
      ],
      clock + 2,
    );
    expect(await store.getSweep('s1')).toEqual(
      expect.objectContaining({ done: 1, failed: 1, byVerdict: { TEXTBOOK_OK: 1 }, finishedAt: null }),
    );
    await store.recordSweepOutcomes('s1', [{ modemId: 'c', verdict: 'LINE_FAULT' }], clock + 3);
    await store.recordSweepOutcomes('s1', [{ modemId: 'c', verdict: 'LINE_FAULT' }], clock + 4);
    expect(await store.getSweep('s1')).toEqual({
      id: 's1',
      scope: { kind: 'all' },
      trigger: 'api',
      total: 3,
      done: 2,
      failed: 1,
      byVerdict: { TEXTBOOK_OK: 1, LINE_FAULT: 1 },
      createdAt: clock,
      finishedAt: clock + 3,
    });
    expect((await store.listSweeps(10)).map((x) => x.id)).toEqual(['s1']);
    expect(await store.getSweep('nope')).toBeNull();
  });

  it('lets exactly one caller claim a scheduling slot until it expires', async () => {
    expect(await store.claimSlot('sweep:42', 60)).toBe(true);
    expect(await store.claimSlot('sweep:42', 60)).toBe(false);
    expect(await store.claimSlot('sweep:43', 60)).toBe(true);
  });

  it('grants the poll lock to one caller at a time (always, for the single-instance store)', async () => {
    expect(await store.tryLockPoll('m6', 5000)).toBe(true);
    const second = await store.tryLockPoll('m6', 5000);
    expect(second).toBe(store.kind === 'memory');
    await store.unlockPoll('m6');
    expect(await store.tryLockPoll('m6', 5000)).toBe(true);
  });
});

describe('RedisTelemetryStore without a server', () => {
  it('refuses to start against an unreachable Redis with a stated error', async () => {
    const store = new RedisTelemetryStore('redis://127.0.0.1:1', 'x:', retention);
    await expect(store.connect()).rejects.toThrow(StoreUnavailableError);
  });
});
