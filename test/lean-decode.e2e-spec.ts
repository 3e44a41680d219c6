import * as snmp from 'net-snmp';
import { MODEM_GENERATIONS, QUIRKS_BY_GENERATION, type ModemShape } from '../src/config/simulator-spec';
import type { SnmpClientOptions, SnmpTarget } from '../src/domain/snmp-target';
import { FAST_POLL_COLUMNS, FAST_POLL_SCALARS, OID } from '../src/mib/docsis-oids';
import { SnmpClient } from '../src/snmp/snmp-client';
import { SnmpModemPoller } from '../src/snmp/snmp-modem-poller';
import { fallbackColumns, parseModemReading } from '../src/mib/parse-modem-reading';
import { SimRig } from './support/sim-rig';

// The lean client (v2c reads over its own shared sockets, written and read by mib/ber) against net-snmp, over UDP
// on 127.0.0.1 against the simulator's agent: every modem shape and CMTS dialect gives the same values, the same
// walks and the same readings either way; v2c answers skip net-snmp's decoder, v3 ones do not.

const SCALARS = FAST_POLL_SCALARS.map((n) => `${OID[n]}.0`);
const COLUMNS = FAST_POLL_COLUMNS.map((n) => OID[n]);

const SHAPES: ModemShape[] = MODEM_GENERATIONS.flatMap((docsis) => [
  { docsis, quirks: [] },
  ...QUIRKS_BY_GENERATION[docsis].map((q) => ({ docsis, quirks: [q] })),
]);

/** Datagrams net-snmp's sessions decoded (Session.prototype.onMsg), counted for the whole file. */
let netSnmpDecoded = 0;
const onMsg = (snmp.Session.prototype as unknown as { onMsg: (buf: Buffer) => void }).onMsg;
beforeAll(() => {
  (snmp.Session.prototype as unknown as { onMsg: (buf: Buffer) => void }).onMsg = function (buf: Buffer) {
    netSnmpDecoded++;
    onMsg.call(this, buf);
  };
});
afterAll(() => {
  (snmp.Session.prototype as unknown as { onMsg: (buf: Buffer) => void }).onMsg = onMsg;
});

describe('lean client decode path against the net-snmp path', () => {
  let rig: SimRig;
  beforeAll(async () => {
    rig = await new SimRig({
      size: 24,
      v3Share: 0,
      scenarioMix: { TEXTBOOK: 2, NO_CPE_DETECTED: 1, UPSTREAM_POWER_HIGH: 1, T3_TIMEOUTS: 1 },
      cmtsDialectMix: { docsis30: 1, rfc4546: 1, blind: 1 },
      shapes: Object.fromEntries(
        SHAPES.map((shape, i) => [`sim-cm-${String(i + 1).padStart(5, '0')}`, shape]),
      ),
    }).start({ maxBulkVarbinds: 37 });
  });
  afterAll(() => rig.stop());

  const options = (lean: boolean, extra: Partial<SnmpClientOptions> = {}): SnmpClientOptions => ({
    timeoutMs: 2000,
    retries: 0,
    maxRepetitions: 16,
    client: lean ? 'lean' : 'net-snmp',
    ...extra,
  });

  async function both<T>(target: SnmpTarget, run: (client: SnmpClient, target: SnmpTarget) => Promise<T>) {
    const before = netSnmpDecoded;
    const leanClient = new SnmpClient(options(true));
    const lean = await run(leanClient, target).finally(() => leanClient.close());
    const leanDecodedByNetSnmp = netSnmpDecoded - before;
    const classic = await run(new SnmpClient(options(false)), target);
    return {
      lean,
      classic,
      leanDecodedByNetSnmp,
      classicDecodedByNetSnmp: netSnmpDecoded - before - leanDecodedByNetSnmp,
    };
  }

  async function scalarsAndColumns(client: SnmpClient, target: SnmpTarget) {
    const session = client.open(target);
    try {
      const columns = await session.walkColumns(COLUMNS);
      return {
        scalars: await session.get(SCALARS),
        columns,
        fallback: await session.walkColumns(fallbackColumns(columns).map((n) => OID[n])),
        whole: await session.walkColumns(['1.3'], { maxRounds: 2000 }),
      };
    } finally {
      session.close();
    }
  }

  it('reads every modem shape the same: GETs, multi-column walks, a whole-agent walk and the reading', async () => {
    const shapes = new Set<string>();
    for (const m of rig.fleet.modems().slice(0, SHAPES.length)) {
      shapes.add(`${m.docsis}+${m.quirks.join('+')}`);
      const target = rig.target(m);
      const r = await both(target, scalarsAndColumns);
      expect(r.lean).toEqual(r.classic);
      expect(r.lean.scalars.length).toBeGreaterThan(2);
      expect(r.lean.whole.length).toBeGreaterThan(r.lean.columns.length);
      // Every answer of the lean session skipped net-snmp's decoder; every classic one went through it.
      expect(r.leanDecodedByNetSnmp).toBe(0);
      expect(r.classicDecodedByNetSnmp).toBeGreaterThan(2);

      const readings = await both(target, (client, t) =>
        new SnmpModemPoller(client, () => rig.clock).poll(m.id, t),
      );
      const { latencyMs: _a, ...lean } = readings.lean as { latencyMs?: number };
      const { latencyMs: _b, ...classic } = readings.classic as { latencyMs?: number };
      expect(lean).toEqual(classic);
      expect(lean).toEqual(expect.objectContaining({ reachable: true }));
      // The poller files its walk by column as it reads; parsing net-snmp's varbinds gives the same reading.
      const { latencyMs: _c, ...fromVarbinds } = parseModemReading({
        modemId: m.id,
        observedAt: rig.clock,
        latencyMs: 0,
        varbinds: [...r.classic.scalars, ...r.classic.columns, ...r.classic.fallback],
      });
      expect(lean).toEqual(fromVarbinds);
    }
    expect(shapes.size).toBe(SHAPES.length);
  });

  it('reads every CMTS dialect the same', async () => {
    const dialects = new Set<string>();
    for (const cmts of rig.fleet.cmtses()) {
      dialects.add(cmts.dialect);
      const target: SnmpTarget = {
        ...rig.target(rig.modem()),
        credentials: { version: '2c', community: cmts.id },
      };
      const r = await both(target, async (client, t) => {
        const session = client.open(t);
        try {
          return await session.walkColumns(['1.3.6.1.2.1.1', '1.3.6.1.2.1.10.127', '1.3.6.1.4.1.4491'], {
            maxRounds: 2000,
          });
        } finally {
          session.close();
        }
      });
      expect(r.lean).toEqual(r.classic);
      expect(r.lean.length).toBeGreaterThan(cmts.dialect === 'blind' ? 2 : 20);
      expect(r.leanDecodedByNetSnmp).toBe(0);
    }
    expect([...dialects].sort()).toEqual(['blind', 'docsis30', 'rfc4546']);
  });

  it('fails the same way where the agent says no: a timeout for an unknown community', async () => {
    const target: SnmpTarget = {
      ...rig.target(rig.modem()),
      credentials: { version: '2c', community: 'ghost' },
    };
    const fail = (lean: boolean) =>
      new SnmpClient(options(lean, { timeoutMs: 150, retries: 1 }))
        .open(target)
        .get(SCALARS)
        .then(
          () => 'answered',
          (e: Error) => e.message,
        );
    expect(await fail(true)).toBe(await fail(false));
    expect(await fail(true)).toBe('no answer within 150 ms (2 tries)');
  });
});

describe('lean client decode path and SNMPv3', () => {
  let rig: SimRig;
  beforeAll(async () => {
    rig = await new SimRig({ size: 4, v3Share: 1 }).start();
  });
  afterAll(() => rig.stop());

  it('leaves v3 sessions to net-snmp, with the same reading', async () => {
    const m = rig.modem((x) => x.credentials.version === '3');
    const before = netSnmpDecoded;
    const poll = (lean: boolean) =>
      new SnmpModemPoller(
        new SnmpClient({
          timeoutMs: 2000,
          retries: 0,
          maxRepetitions: 16,
          client: lean ? 'lean' : 'net-snmp',
        }),
        () => rig.clock,
      ).poll(m.id, rig.target(m));
    const { latencyMs: _a, ...lean } = (await poll(true)) as { latencyMs?: number };
    expect(netSnmpDecoded - before).toBeGreaterThan(2);
    const { latencyMs: _b, ...classic } = (await poll(false)) as { latencyMs?: number };
    expect(lean).toEqual(classic);
    expect(lean).toEqual(expect.objectContaining({ reachable: true }));
  });
});
