import { type ModemShape } from '../src/config/simulator-spec';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { diagnose } from '../src/diagnosis/diagnose';
import { DEFAULT_THRESHOLDS } from '../src/domain/thresholds';
import { VERDICTS, type Diagnosis } from '../src/domain/diagnosis';

import type { SimModem } from '../src/simulator/sim-modem';
import { ReplayedDevice, ReplayRegistry } from '../src/simulator/replay';
import { runReplayCli } from '../src/simulator/replay-cli';
import { diagnoseCaptures, pollAndDiagnose, type OneShotDiagnosis } from '../src/simulator/replay-diagnosis';
import { SnmpAgent } from '../src/snmp-agent/snmp-agent';
import { describeCaptureErrors, parseCapture, type Capture } from '../src/mib/parse-capture';
import { parseModemReading } from '../src/mib/parse-modem-reading';
import type { SnmpVarbind } from '../src/mib/snmp-value';
import type { ReachableReading } from '../src/domain/modem-reading';
import { SimRig } from './support/sim-rig';

// A capture of a device, replayed, must be diagnosed as the device itself: Debian's snmpwalk captures the
// simulator's own modems and CMTS, the replay agent serves the captures, and the real pollers read both.

const run = promisify(execFile);

function parsed(text: string): { text: string; capture: Capture } {
  const result = parseCapture(text);
  if (!result.ok) {
    throw new Error(describeCaptureErrors(result).join('\n'));
  }
  return { text, capture: result.capture };
}

/** What must match between a device and its replay: counters and uptime move, the verdict must not. */
function gist(d: Diagnosis): { verdict: string; subKinds: string[]; codes: string[] } {
  return {
    verdict: d.verdict,
    subKinds: d.subKinds,
    codes: d.findings.map((f) => `${f.severity} ${f.code}${f.channel ? ` ${f.channel.ifIndex}` : ''}`).sort(),
  };
}

describe("a capture made with Debian's snmpwalk replays to the live device's diagnosis", () => {
  let rig: SimRig;
  let haveTool = true;
  const cmtsId = 'sim-cmts-1';

  const walk = (community: string): Promise<string> => snmpwalk(rig.agent.port, community);

  const cmtsTarget = () => ({
    id: cmtsId,
    target: rig.target(rig.modem(), { version: '2c', community: cmtsId }),
  });

  beforeAll(async () => {
    rig = await new SimRig({ size: 8, docsis31Share: 0.5, v3Share: 0 }).start();
    haveTool = await run('snmpwalk', ['-V']).then(
      () => true,
      () => false,
    );
  });
  afterAll(() => rig.stop());

  const d30 = (): SimModem[] => rig.fleet.modems().filter((m) => m.docsis === '3.0');
  const d31 = (): SimModem[] => rig.fleet.modems().filter((m) => m.docsis === '3.1');

  it.each<[string, () => SimModem]>([
    ['TEXTBOOK', () => d30()[0]],
    ['DS_SNR_FAULT', () => d30()[1]],
    ['OFDM_MER_FAULT', () => d31()[0]],
    ['NO_CPE', () => d31()[1]],
    ['US_RX_OFFSET_FAULT', () => d30()[2]],
    ['CMTS_PARTIAL_SERVICE', () => d31()[2]],
  ])('%s, with its CMTS', async (scenario, pick) => {
    if (!haveTool) {
      console.warn('SKIPPED: snmpwalk is not installed (apt-get install snmp); replay cross-check not run');
      return;
    }
    const modem = pick();
    rig.fleet.setScenario(modem.id, scenario);
    const live = await pollAndDiagnose(rig.target(modem), cmtsTarget(), { mac: modem.mac });
    const modemCapture = parsed(await walk(modem.id));
    const cmtsCapture = parsed(await walk(cmtsId));
    // The MAC comes from the modem capture (BRIDGE-MIB self entry), as `npm run replay` finds it.
    const replay = await diagnoseCaptures(modemCapture, cmtsCapture);

    expect(live.diagnosis.verdict).toBe(modem.scenario.expect.verdict);
    expect(replay.cmts).toMatchObject({ reachable: true, rowFound: true, mac: modem.mac });
    expect(gist(replay.diagnosis)).toEqual(gist(live.diagnosis));
    expect(sameReading(replay, live)).toBe(true);
  });

  it('walking a replay gives back its capture line for line', async () => {
    if (!haveTool) {
      return;
    }
    const captures = [await walk(d31()[0].id), await walk(cmtsId)];
    const registry = new ReplayRegistry();
    captures.forEach((text, i) =>
      registry.add(new ReplayedDevice(`replay-${i}`, 'modem', 'snmpwalk', parsed(text).capture)),
    );
    const agent = await SnmpAgent.start({ address: '127.0.0.1', port: 0, maxBulkVarbinds: 200 }, registry);
    try {
      expect(await snmpwalk(agent.port, 'replay-0')).toBe(captures[0]);
      expect(await snmpwalk(agent.port, 'replay-1')).toBe(captures[1]);
    } finally {
      await agent.close();
    }
  });

  it('a modem capture alone is diagnosed from the modem alone', async () => {
    if (!haveTool) {
      return;
    }
    const modem = d30()[3];
    rig.fleet.setScenario(modem.id, 'DS_POWER_LOW_FAULT');
    const live = await pollAndDiagnose(rig.target(modem));
    const replay = await diagnoseCaptures(parsed(await walk(modem.id)));
    expect(replay.cmts).toBeUndefined();
    expect(gist(replay.diagnosis)).toEqual(gist(live.diagnosis));
    expect(replay.diagnosis.subKinds).toEqual(['LOW_DS_POWER']);
  });
});

describe('a replay answers with the captured types and values', () => {
  let haveTool = true;
  beforeAll(async () => {
    haveTool = await run('snmpwalk', ['-V']).then(
      () => true,
      () => false,
    );
  });

  const ALL_TYPES = [
    '1.3.6.1.2.1.1.1.0|4|Cable Modem "X" \\ HW_REV: 1.0',
    '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.4491.2.4.1',
    '1.3.6.1.2.1.1.3.0|67|4294967295',
    '1.3.6.1.2.1.1.4.0|4|',
    '1.3.6.1.2.1.2.2.1.5.2|66|1000000000',
    '1.3.6.1.2.1.2.2.1.6.2|4x|001dcd0a0b0c',
    '1.3.6.1.2.1.2.2.1.10.2|65|4294967295',
    '1.3.6.1.2.1.4.20.1.1.10.0.0.1|64|10.0.0.1',
    '1.3.6.1.2.1.10.127.1.1.1.1.6.3|2|-35',
    '1.3.6.1.2.1.31.1.1.1.6.2|70|18446744073709551615',
    '1.3.6.1.4.1.2021.10.1.6.1|68x|9f78043f000000',
    '1.3.6.1.4.1.9999.1.0|5|',
  ].join('\n');

  it.each([
    ['fast path', true],
    ['net-snmp', false],
  ])('through the %s', async (_path, fastPath) => {
    if (!haveTool) {
      return;
    }
    const original = parsed(ALL_TYPES).capture;
    const registry = new ReplayRegistry();
    registry.add(new ReplayedDevice('replay-all-types', 'modem', 'snmprec', original));
    const agent = await SnmpAgent.start(
      { address: '127.0.0.1', port: 0, maxBulkVarbinds: 50, fastPath },
      registry,
    );
    try {
      const walked = parsed(await snmpwalk(agent.port, 'replay-all-types')).capture;
      const strip = (c: Capture) => c.varbinds.map(({ oid, type, value }) => ({ oid, type, value }));
      expect(strip(walked)).toEqual(strip(original));
      expect(walked.varbinds.map((v) => v.type)).toEqual([
        'OctetString',
        'OID',
        'TimeTicks',
        'OctetString',
        'Gauge32',
        'OctetString',
        'Counter32',
        'IpAddress',
        'Integer',
        'Counter64',
        'Opaque',
        'Null',
      ]);
      // A write to a captured object is refused; unknown communities are not answered.
      expect(registry.viewFor('replay-all-types', 'v2c')?.set('1.3.6.1.2.1.1.4.0', 'OctetString', 'x')).toBe(
        'notWritable',
      );
      expect(registry.viewFor('replay-other', 'v2c')).toBeUndefined();
    } finally {
      await agent.close();
    }
  });
});

describe('every CMTS dialect and modem generation replays to its live diagnosis', () => {
  // Three CMTSes of four modems: one per dialect; on each, one modem per generation or quirk.
  const DIALECTS = { 'sim-cmts-1': 'docsis30', 'sim-cmts-2': 'rfc4546', 'sim-cmts-3': 'blind' } as const;
  const SHAPES: ModemShape[] = [
    { docsis: '2.0', quirks: [] },
    { docsis: '3.0', quirks: ['NO_US_STATUS_TABLE'] },
    { docsis: '3.0', quirks: ['BRIDGE_WITHOUT_STATUS'] },
    { docsis: '3.1', quirks: ['DUMMY_SC_QAM_ROWS'] },
  ];
  const ids = Array.from({ length: 12 }, (_, i) => `sim-cm-${String(i + 1).padStart(5, '0')}`);
  let rig: SimRig;
  let haveTool = true;

  beforeAll(async () => {
    rig = await new SimRig({
      size: 12,
      serviceGroupSize: 4,
      serviceGroupsPerCmts: 1,
      cmts: Object.fromEntries(Object.entries(DIALECTS).map(([id, dialect]) => [id, { dialect }])),
      shapes: Object.fromEntries(ids.map((id, i) => [id, SHAPES[i % SHAPES.length]])),
    }).start();
    haveTool = await run('snmpwalk', ['-V']).then(
      () => true,
      () => false,
    );
  });
  afterAll(() => rig.stop());

  it.each(ids)('%s', async (id) => {
    if (!haveTool) {
      console.warn('SKIPPED: snmpwalk is not installed (apt-get install snmp); replay cross-check not run');
      return;
    }
    const modem = rig.modem((m) => m.id === id);
    const cmtsId = modem.placement.cmtsId;
    const cmts = { id: cmtsId, target: rig.target(modem, { version: '2c', community: cmtsId }) };
    const live = await pollAndDiagnose(rig.target(modem), cmts, { mac: modem.mac });
    const replay = await diagnoseCaptures(
      parsed(await snmpwalk(rig.agent.port, id)),
      parsed(await snmpwalk(rig.agent.port, cmtsId)),
      { mac: modem.mac },
    );
    expect(live.diagnosis.verdict).toBe('TEXTBOOK_OK');
    expect(gist(replay.diagnosis)).toEqual(gist(live.diagnosis));
    expect(replay.diagnosis.notChecked.map((n) => n.code)).toEqual(
      live.diagnosis.notChecked.map((n) => n.code),
    );
    expect(sameReading(replay, live)).toBe(true);
    if (DIALECTS[cmtsId as keyof typeof DIALECTS] === 'blind') {
      expect(live.diagnosis.findings.map((f) => f.code)).toContain('CMTS_NO_EVIDENCE');
    }
  });
});

async function snmpwalk(port: number, community: string): Promise<string> {
  const { stdout } = await run(
    'snmpwalk',
    ['-On', '-Ob', '-v2c', '-c', community, '-t', '2', '-r', '1', `127.0.0.1:${port}`, '.1'],
    { maxBuffer: 32 << 20 },
  );
  return stdout;
}

/** The same channels, levels and status: only counters, uptime and latency may differ between two reads. */
function sameReading(a: OneShotDiagnosis, b: OneShotDiagnosis): boolean {
  const strip = (o: OneShotDiagnosis) =>
    JSON.stringify(o.reading, (k, v: unknown) =>
      ['observedAt', 'latencyMs', 'uptimeSec', 'unerrored', 'corrected', 'uncorrectable', 'total'].includes(
        k,
      ) || typeof v === 'bigint'
        ? undefined
        : v,
    );
  return strip(a) === strip(b);
}

describe('the poller fixtures, written as snmprec and replayed', () => {
  const dir = join(__dirname, 'fixtures');
  const fixtures = readdirSync(dir).filter((f) => f.endsWith('.varbinds.json'));

  it.each(fixtures)('%s', async (file) => {
    const { varbinds } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      varbinds: { oid: string; type: SnmpVarbind['type']; value: number | string }[];
    };
    const text = varbinds.map(snmprecLine).join('\n');
    const replay = await diagnoseCaptures(parsed(text));
    const direct = diagnose({
      reading: parseModemReading({
        modemId: 'replay',
        observedAt: 0,
        latencyMs: 0,
        varbinds: varbinds.map((v) => ({ ...v, value: v.type === 'Counter64' ? BigInt(v.value) : v.value })),
      }),
      history: [],
      counterBaseline: null,
      thresholds: DEFAULT_THRESHOLDS,
      cpeDevices: [],
    });
    expect(replay.reading.reachable).toBe(true);
    expect(gist(replay.diagnosis)).toEqual(gist(direct));
  });
});

const SNMPREC_TAG: Record<SnmpVarbind['type'], string> = {
  Integer: '2',
  OctetString: '4',
  OID: '6',
  IpAddress: '64',
  Counter32: '65',
  Gauge32: '66',
  TimeTicks: '67',
  Counter64: '70',
};

function snmprecLine(v: { oid: string; type: SnmpVarbind['type']; value: number | string }): string {
  if (v.type === 'OctetString' && !/^[\x20-\x7e]*$/.test(String(v.value))) {
    return `${v.oid}|4x|${Buffer.from(String(v.value), 'latin1').toString('hex')}`;
  }
  return `${v.oid}|${SNMPREC_TAG[v.type]}|${v.value}`;
}

describe('hand-made captures of real-world layouts', () => {
  const capture = (file: string) => parsed(readFileSync(join(__dirname, 'fixtures/captures', file), 'utf8'));

  it('DOCSIS 3.0 walked with the MIBs loaded (enum labels, display hints, units, wrapped hex) is read in full', async () => {
    const replay = await diagnoseCaptures(capture('docsis30-arris-mibs-loaded.txt'));
    expect(replay.reading).toMatchObject({ reachable: true, docsisVersion: '3.0' });
    const reading = replay.reading as ReachableReading;
    expect(reading.downstream.map((d) => [d.ifIndex, d.modulation])).toEqual([
      [3, 'qam256'],
      [48, 'qam256'],
      [49, 'qam256'],
      [50, 'qam256'],
    ]);
    // "0.1 dBmV" through the d-1 hint is 1 tenth on the wire.
    expect(reading.downstream[0].powerDbmv).toBe(0.1);
    expect(reading.upstream).toHaveLength(1);
    expect(reading.status.value).toBe(12);
    expect(replay.diagnosis.verdict).toBe('TEXTBOOK_OK');
    expect(replay.diagnosis.subKinds).toEqual([]);
  });

  it('DOCSIS 2.0 with only DOCS-IF-MIB tables parses and is diagnosed', async () => {
    const { capture: c } = capture('docsis20-docs-if-mib-only.txt');
    expect(c.varbinds).toHaveLength(75);
    expect(c.exceptions).toEqual([expect.objectContaining({ exception: 'endOfMibView' })]);
    const replay = await diagnoseCaptures(capture('docsis20-docs-if-mib-only.txt'));
    expect(VERDICTS).toContain(replay.diagnosis.verdict);
  });
});

describe('npm run replay', () => {
  const captures = join(__dirname, 'fixtures/captures');

  async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await runReplayCli(argv, { log: (t) => (out += `${t}\n`), error: (t) => (err += `${t}\n`) });
    return { code, out, err };
  }

  it('prints the verdict, sub-kinds, summary and findings of a capture; --json the whole answer', async () => {
    const text = await cli([join(captures, 'docsis30-arris-mibs-loaded.txt')]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(
      /^verdict: +TEXTBOOK_OK\nsub-kinds: +-\naction: +CHECK_CUSTOMER_EQUIPMENT\nsummary: +\S/,
    );
    expect(text.out).toMatch(/reading: +DOCSIS 3\.0, 4 downstream, 1 upstream/);
    expect(text.out).toMatch(/findings:\n {2}none/);
    const json = await cli([join(captures, 'docsis30-arris-mibs-loaded.txt'), '--json']);
    const answer = JSON.parse(json.out) as OneShotDiagnosis;
    expect(answer.diagnosis.verdict).toBe('TEXTBOOK_OK');
    expect(answer.reading).toMatchObject({ reachable: true, docsisVersion: '3.0' });
  });

  it('exits 2 naming the bad lines, or the bad arguments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'replay-'));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, '.1.3.6.1.2.1.1.1.0 = STRING: "ok"\n.1.3.6.1.2.1.1.7.0 = INTEGER: lots\nfoo\n');
    const result = await cli([bad]);
    expect(result.code).toBe(2);
    expect(result.err.trim().split('\n')).toEqual([
      expect.stringMatching(/bad\.txt: line 2: expected an INTEGER/),
      expect.stringMatching(/bad\.txt: line 3: expected '\.OID = TYPE: value'/),
    ]);
    expect(result.out).toBe('');
    expect((await cli([])).code).toBe(2);
    expect((await cli([bad, '--mac', 'nope'])).err).toMatch(/--mac must be a MAC address/);
    expect((await cli([join(dir, 'missing.txt')])).err).toMatch(/missing\.txt: .*ENOENT/);
  });
});
