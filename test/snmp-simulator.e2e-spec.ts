import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { FAST_POLL_COLUMNS, FAST_POLL_SCALARS, OID } from '../src/mib/docsis-oids';
import { SnmpClient } from '../src/snmp/snmp-client';
import type { SnmpVarbind } from '../src/mib/snmp-value';
import type { ReachableReading } from '../src/domain/modem-reading';
import { SimRig } from './support/sim-rig';

// The simulator and the poller over real UDP on 127.0.0.1: v2c and v3, resets by SET, time-driven counters,
// truncated GETBULK answers, agents that refuse GETBULK, and Debian's net-snmp tools as an independent reader.

const run = promisify(execFile);

function reachable(r: { reachable: boolean }): ReachableReading {
  expect(r).toEqual(expect.objectContaining({ reachable: true }));
  return r as ReachableReading;
}

function withoutTiming(r: ReachableReading): Omit<ReachableReading, 'latencyMs'> {
  const { latencyMs: _ignored, ...rest } = r;
  return rest;
}

describe('simulated fleet over SNMP', () => {
  let rig: SimRig;

  beforeAll(async () => {
    rig = await new SimRig({ size: 8, v3Share: 0.5 }, 5).start();
  });
  afterAll(() => rig.stop());

  it('serves a v2c modem with every channel the profile has', async () => {
    const m = rig.modem((x) => x.credentials.version === '2c' && x.docsis === '3.1');
    const r = reachable(await rig.poller().poll(m.id, rig.target(m)));
    expect(r.downstream).toHaveLength(m.profile.ds.length);
    expect(r.upstream).toHaveLength(m.profile.us.length);
    expect(r.ofdm).toHaveLength(1);
    expect(r.ofdma[0].txPowerDbmv).toBeCloseTo(m.profile.ofdma[0].txPowerDbmv, 0);
    expect(r.downstream[0].powerDbmv).toBe(m.profile.ds[0].powerDbmv);
  });

  it('serves SNMPv3 authPriv modems and refuses wrong keys or v2c for them', async () => {
    const m = rig.modem((x) => x.credentials.version === '3');
    expect(reachable(await rig.poller().poll(m.id, rig.target(m))).modemId).toBe(m.id);

    const wrongKey = rig.target(m, {
      ...{ version: '3' as const, ...m.credentials.v3! },
      authKey: 'not-the-key',
    });
    const bad = await rig.poller().poll(m.id, wrongKey);
    expect(bad.reachable).toBe(false);

    const v2c = await rig.poller().poll(m.id, rig.target(m, { version: '2c', community: m.id }));
    expect(v2c).toEqual(
      expect.objectContaining({ reachable: false, error: 'no answer within 300 ms (1 tries)' }),
    );
  });

  it('does not answer an unknown community: the poll ends as a stated timeout', async () => {
    const m = rig.modem();
    const r = await rig
      .poller({ retries: 1 })
      .poll('ghost', rig.target(m, { version: '2c', community: 'ghost' }));
    expect(r).toEqual(
      expect.objectContaining({ reachable: false, error: 'no answer within 300 ms (2 tries)' }),
    );
  });

  it('advances codeword counters at the 256-QAM rate (~47.9 k/s per channel)', async () => {
    const m = rig.modem((x) => x.credentials.version === '2c');
    const before = reachable(await rig.poller().poll(m.id, rig.target(m)));
    rig.clock += 60_000;
    const after = reachable(await rig.poller().poll(m.id, rig.target(m)));
    const total = (r: ReachableReading): bigint =>
      (r.downstream[0].unerrored ?? -1n) +
      (r.downstream[0].corrected ?? -1n) +
      (r.downstream[0].uncorrectable ?? -1n);
    expect(Number(total(after) - total(before))).toBeCloseTo(47_900 * 60, -3);
    expect(after.uptimeSec - before.uptimeSec).toBeCloseTo(60, 1);
  });

  it('restarts a modem on SET docsDevResetNow: silent, then uptime and counters from 0', async () => {
    const m = rig.modem((x) => x.credentials.version === '2c');
    const poller = rig.poller();
    const before = reachable(await poller.poll(m.id, rig.target(m)));
    expect(before.uptimeSec).toBeGreaterThan(86_400);

    await expect(poller.reset(rig.target(m))).rejects.toThrow(/NoAccess|noAccess|6/);
    await poller.reset(rig.target(m, { version: '2c', community: `${m.id}:rw` }));

    expect((await poller.poll(m.id, rig.target(m))).reachable).toBe(false);
    rig.clock += 4_000;
    expect((await poller.poll(m.id, rig.target(m))).reachable).toBe(false);
    rig.clock += 3_000;
    const after = reachable(await poller.poll(m.id, rig.target(m)));
    expect(after.uptimeSec).toBeCloseTo(2, 1);
    expect(after.downstream[0].unerrored).toBeLessThan(200_000n);
    expect(after.downstream[0].unerrored).toBeLessThan(before.downstream[0].unerrored ?? 0n);
  });

  it('reads the same modem identically when the agent truncates GETBULK answers to 7 varbinds', async () => {
    const tiny = await new SimRig({ size: 8, v3Share: 0 }).start({ maxBulkVarbinds: 7 });
    try {
      tiny.clock = rig.clock;
      const m = tiny.modem((x) => x.docsis === '3.1');
      const normal = new SimRig({ size: 8, v3Share: 0 });
      normal.clock = rig.clock;
      await normal.start();
      try {
        const full = reachable(
          await normal.poller().poll(m.id, normal.target(normal.modem((x) => x.id === m.id))),
        );
        const partial = reachable(await tiny.poller().poll(m.id, tiny.target(m)));
        expect(withoutTiming(partial)).toEqual(withoutTiming(full));
      } finally {
        await normal.stop();
      }
    } finally {
      await tiny.stop();
    }
  });

  it('falls back to GETNEXT when the agent refuses GETBULK', async () => {
    const v1ish = await new SimRig({ size: 4, v3Share: 0 }).start({ getBulk: false });
    try {
      const m = v1ish.modem();
      const r = reachable(await v1ish.poller().poll(m.id, v1ish.target(m)));
      expect(r.downstream).toHaveLength(m.profile.ds.length);
      expect(r.upstream).toHaveLength(m.profile.us.length);
    } finally {
      await v1ish.stop();
    }
  });
});

describe("Debian's snmpbulkwalk reads what our poller reads", () => {
  let rig: SimRig;
  let haveTool = true;

  beforeAll(async () => {
    rig = await new SimRig({ size: 4, v3Share: 0 }).start();
    haveTool = await run('snmpbulkwalk', ['-V']).then(
      () => true,
      () => false,
    );
  });
  afterAll(() => rig.stop());

  it('every varbind of the fast poll has the same value in snmpbulkwalk -v2c', async () => {
    if (!haveTool) {
      console.warn('SKIPPED: snmpbulkwalk is not installed (apt-get install snmp); cross-check not run');
      return;
    }
    const m = rig.modem((x) => x.docsis === '3.1');
    const session = new SnmpClient({ timeoutMs: 500, retries: 0, maxRepetitions: 16 }).open(rig.target(m));
    let ours: SnmpVarbind[];
    try {
      ours = [
        ...(await session.get(FAST_POLL_SCALARS.map((n) => `${OID[n]}.0`))),
        ...(await session.walkColumns(FAST_POLL_COLUMNS.map((n) => OID[n]))),
      ];
    } finally {
      session.close();
    }
    const { stdout } = await run(
      'snmpbulkwalk',
      [
        '-v2c',
        '-c',
        m.id,
        '-On',
        '-Ot',
        // Octet strings in hex (the pre-equalisation coefficients are binary): compared as octets below.
        '-Ox',
        '-Cr25',
        '-t',
        '2',
        '-r',
        '1',
        `127.0.0.1:${rig.agent.port}`,
        '1.3.6.1',
      ],
      { env: { ...process.env, MIBS: '' }, maxBuffer: 8 << 20 },
    );
    const theirs = new Map<string, string>();
    // A long hex string goes on over lines of their own: join them to the line of their OID.
    const entries = stdout.split('\n').reduce<string[]>((out, line) => {
      if (line.startsWith('.') || out.length === 0) {
        out.push(line);
      } else {
        out[out.length - 1] += ` ${line}`;
      }
      return out;
    }, []);
    for (const line of entries) {
      const match = /^\.([\d.]+) = (?:([\w-]+): )?(.*)$/.exec(line);
      // The walk ends with an endOfMibView line repeating the last OID: keep the value seen first.
      if (match && !theirs.has(match[1])) {
        const value = match[3].trim().replace(/^"(.*)"$/, '$1');
        theirs.set(match[1], match[2] === 'Hex-STRING' ? value.replace(/\s+/g, '').toLowerCase() : value);
      }
    }
    expect(ours.length).toBeGreaterThan(400);
    const text = (vb: SnmpVarbind): string =>
      vb.type === 'OctetString'
        ? Buffer.isBuffer(vb.value)
          ? vb.value.toString('hex')
          : Buffer.from(String(vb.value), 'latin1').toString('hex')
        : String(vb.value);
    const mismatches = ours.filter((vb) => theirs.get(vb.oid) !== text(vb));
    expect(mismatches).toEqual([]);
  });
});
