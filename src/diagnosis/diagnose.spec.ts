import { actionFor, diagnose, RULES, sortFindings } from './diagnose';
import {
  diagnosisInput,
  docsis31Reading,
  dsChannel,
  historyEntry,
  snapshotOf,
  textbookReading,
  unreachableReading,
  usChannel,
} from './test-reading.factory';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';
import type { Finding, HistoryEntry, SubKind, Verdict } from '../domain/diagnosis';

const TEXTBOOK_SUMMARY =
  'Line and modem are within spec. Have the customer test with a computer wired directly to the modem, bypassing ' +
  'their own router.';

/** Three reboots in the last 20 h on an otherwise clean line; the current reading is 1 h after the last one. */
const REBOOT_HISTORY: HistoryEntry[] = [
  historyEntry(20, { uptimeSec: 5 * 3600, resets: 0 }),
  historyEntry(15, { uptimeSec: 3600, resets: 0 }),
  historyEntry(10, { uptimeSec: 3600, resets: 0 }),
];

describe('diagnose', () => {
  it('exports every rule once', () => {
    expect(RULES).toHaveLength(18);
    expect(new Set(RULES).size).toBe(RULES.length);
  });

  describe('TEXTBOOK_OK', () => {
    it.each([
      ['DOCSIS 3.0', textbookReading()],
      ['DOCSIS 3.1', docsis31Reading()],
    ])('a textbook %s modem is TEXTBOOK_OK with no findings', (_label, reading) => {
      expect(diagnose(diagnosisInput(reading))).toEqual({
        notChecked: [],
        verdict: 'TEXTBOOK_OK',
        subKinds: [],
        action: 'CHECK_CUSTOMER_EQUIPMENT',
        summary: TEXTBOOK_SUMMARY,
        findings: [],
        preEq: expect.objectContaining({ grade: 'TEXTBOOK', distortion: 'NONE', echo: null }),
      });
    });

    it('adds NO_CPE_DETECTED when nothing is behind the modem', () => {
      const d = diagnose(diagnosisInput(textbookReading({ cpes: [] })));
      expect(d.verdict).toBe('TEXTBOOK_OK');
      expect(d.subKinds).toEqual(['NO_CPE_DETECTED']);
      expect(d.action).toBe('CHECK_CUSTOMER_EQUIPMENT');
      expect(d.summary).toBe(
        `${TEXTBOOK_SUMMARY} No device is connected behind the modem: check the cable and power of the customer's router.`,
      );
      expect(d.findings).toEqual([expect.objectContaining({ code: 'NO_CPE_DETECTED', severity: 'INFO' })]);
    });

    it('adds FEC_WINDOW_RESET when the counter baseline predates a reboot', () => {
      const reading = textbookReading({ uptimeSec: 600 });
      const baseline = snapshotOf(textbookReading(), 30);
      const d = diagnose(diagnosisInput(reading, { counterBaseline: baseline }));
      expect(d.verdict).toBe('TEXTBOOK_OK');
      expect(d.subKinds).toEqual(['FEC_WINDOW_RESET']);
      expect(d.summary).toContain('re-check in 15 minutes');
    });

    it('lists both INFO sub-kinds in SUB_KINDS order', () => {
      const reading = textbookReading({ uptimeSec: 600, cpes: [] });
      const d = diagnose(diagnosisInput(reading, { counterBaseline: snapshotOf(textbookReading(), 30) }));
      expect(d.subKinds).toEqual(['NO_CPE_DETECTED', 'FEC_WINDOW_RESET']);
    });
  });

  describe('MARGINAL', () => {
    it('lists the distinct MARGINAL codes and advises a remote fix', () => {
      const reading = textbookReading({ cpes: [] });
      reading.downstream[4] = dsChannel(5, { powerDbmv: -12 });
      reading.downstream[5] = dsChannel(6, { powerDbmv: -11 });
      reading.upstream[0] = usChannel(1, { t3Timeouts: 5 });
      const d = diagnose(diagnosisInput(reading, { history: [historyEntry(6)] }));
      expect(d.verdict).toBe('MARGINAL');
      expect(d.subKinds).toEqual(['LOW_DS_POWER', 'DS_TILT', 'T3_T4_TIMEOUTS']);
      expect(d.action).toBe('REMOTE_FIX');
      expect(d.summary).toBe(
        'In spec but without margin: Downstream levels vary by 14 dB across channels (-12 dBmV at 579 MHz to ' +
          '2 dBmV at 597 MHz), more than the recommended 10 dB. Reboot the modem remotely and re-check; open a non-urgent plant ticket if it persists.',
      );
      // INFO findings are kept, but only TEXTBOOK_OK lists them as sub-kinds.
      expect(d.findings.map((f) => f.code)).toEqual([
        'DS_TILT',
        'T3_T4_TIMEOUTS',
        'LOW_DS_POWER',
        'LOW_DS_POWER',
        'NO_CPE_DETECTED',
      ]);
    });
  });

  describe('LINE_FAULT', () => {
    it('dispatches a technician for a level fault', () => {
      const reading = textbookReading();
      reading.downstream[4] = dsChannel(5, { powerDbmv: -16.2 });
      reading.downstream[6] = dsChannel(7, { snrDb: 31 });
      const d = diagnose(diagnosisInput(reading));
      expect(d.verdict).toBe('LINE_FAULT');
      expect(d.subKinds).toEqual(['LOW_DS_POWER']);
      expect(d.action).toBe('DISPATCH_TECHNICIAN');
      expect(d.summary).toBe(
        'Line fault: Downstream channel 5 (579 MHz) receives -16.2 dBmV, below the -15 dBmV minimum. Dispatch a technician.',
      );
      expect(d.findings.map((f) => `${f.severity} ${f.code}`)).toEqual([
        'FAULT LOW_DS_POWER',
        'MARGINAL DS_TILT',
        'MARGINAL LOW_DS_SNR',
      ]);
    });

    it('lists FAULT sub-kinds once each, in SUB_KINDS order', () => {
      const reading = textbookReading();
      reading.upstream[0] = usChannel(1, { txPowerDbmv: 52 });
      reading.upstream[1] = usChannel(2, { txPowerDbmv: 53 });
      reading.downstream[0] = dsChannel(1, { snrDb: 25 });
      reading.downstream[1] = dsChannel(2, { powerDbmv: 16 });
      const d = diagnose(diagnosisInput(reading));
      expect(d.subKinds).toEqual(['HIGH_DS_POWER', 'LOW_DS_SNR', 'HIGH_US_POWER']);
    });

    it('tries a remote reboot first when the only faults are dropped channels', () => {
      const reading = textbookReading();
      reading.downstream[2] = dsChannel(3, { locked: false, powerDbmv: -40 });
      reading.upstream[3] = usChannel(4, { muted: true });
      const d = diagnose(diagnosisInput(reading));
      expect(d.verdict).toBe('LINE_FAULT');
      expect(d.subKinds).toEqual(['PARTIAL_SERVICE_DS', 'PARTIAL_SERVICE_US']);
      expect(d.action).toBe('REMOTE_FIX');
      expect(d.summary).toBe(
        'Line fault: Downstream channel 3 (567 MHz) is not locked, so the modem is running on fewer downstream ' +
          'channels than it should. Reboot the modem remotely once; dispatch a technician if it happens again within 24 h.',
      );
    });

    it('dispatches when a dropped channel comes with another fault', () => {
      const reading = textbookReading();
      reading.downstream[2] = dsChannel(3, { locked: false });
      reading.upstream[0] = usChannel(1, { t4Timeouts: 1 });
      const d = diagnose(diagnosisInput(reading, { history: [historyEntry(6)] }));
      expect(d.subKinds).toEqual(['T3_T4_TIMEOUTS', 'PARTIAL_SERVICE_DS']);
      expect(d.action).toBe('DISPATCH_TECHNICIAN');
    });

    it('grades with the thresholds of the input', () => {
      const reading = textbookReading();
      reading.downstream[4] = dsChannel(5, { powerDbmv: -7 });
      const strict = {
        ...DEFAULT_THRESHOLDS,
        dsPower: { ...DEFAULT_THRESHOLDS.dsPower, textbookMin: -5, marginalMin: -6 },
      };
      expect(diagnose(diagnosisInput(reading)).verdict).toBe('TEXTBOOK_OK');
      expect(diagnose(diagnosisInput(reading, { thresholds: strict })).verdict).toBe('LINE_FAULT');
    });
  });

  describe('FLAPPING', () => {
    it('three reboots on a clean line: DEVICE_REBOOTS, swap the modem', () => {
      const d = diagnose(
        diagnosisInput(
          textbookReading({
            uptimeSec: 3600,
            status: { value: 12, name: 'operational', resets: 0, lostSyncs: 0 },
          }),
          { history: REBOOT_HISTORY },
        ),
      );
      expect(d.verdict).toBe('FLAPPING');
      expect(d.subKinds).toEqual(['DEVICE_REBOOTS']);
      expect(d.action).toBe('SWAP_MODEM');
      expect(d.summary).toBe(
        'The modem keeps dropping off the network: The modem restarted 3 times in the last 24 h, which points to ' +
          "its power supply or the modem itself. Have the customer check the modem's power supply and socket and " +
          'that it is not overheating, then swap the modem.',
      );
    });

    it('resets rising without reboots: RF_REINIT, dispatch', () => {
      const reading = textbookReading({
        status: { value: 12, name: 'operational', resets: 4, lostSyncs: 0 },
      });
      const history = [
        historyEntry(20, { resets: 1 }),
        historyEntry(12, { resets: 2 }),
        historyEntry(4, { resets: 3 }),
      ];
      const d = diagnose(diagnosisInput(reading, { history }));
      expect(d.verdict).toBe('FLAPPING');
      expect(d.subKinds).toEqual(['RF_REINIT']);
      expect(d.action).toBe('DISPATCH_TECHNICIAN');
      expect(d.summary).toContain('Dispatch a technician to check the line.');
    });

    it('keeps the FAULT sub-kinds and dispatches when reboots come with a line fault', () => {
      const reading = textbookReading({
        uptimeSec: 3600,
        status: { value: 12, name: 'operational', resets: 0, lostSyncs: 0 },
      });
      reading.downstream[4] = dsChannel(5, { powerDbmv: -16 });
      reading.downstream[5] = dsChannel(6, { powerDbmv: -12 });
      const d = diagnose(diagnosisInput(reading, { history: REBOOT_HISTORY }));
      expect(d.verdict).toBe('FLAPPING');
      expect(d.subKinds).toEqual(['DEVICE_REBOOTS', 'LOW_DS_POWER']);
      expect(d.action).toBe('DISPATCH_TECHNICIAN');
      expect(d.findings[0].code).toBe('DEVICE_REBOOTS');
    });

    it('two reboots are not flapping', () => {
      const d = diagnose(
        diagnosisInput(
          textbookReading({
            uptimeSec: 3600,
            status: { value: 12, name: 'operational', resets: 0, lostSyncs: 0 },
          }),
          {
            history: REBOOT_HISTORY.slice(1),
          },
        ),
      );
      expect(d.verdict).toBe('TEXTBOOK_OK');
    });
  });

  describe('before grading', () => {
    it('an unreachable modem without CMTS data is INSUFFICIENT_DATA with the poll error, never "only this home"', () => {
      const d = diagnose(diagnosisInput(unreachableReading('Request timed out')));
      expect(d).toEqual({
        notChecked: [],
        verdict: 'INSUFFICIENT_DATA',
        subKinds: ['NEIGHBOURS_UNKNOWN'],
        action: 'NO_DISPATCH',
        summary: expect.stringContaining(
          'The modem did not answer (Request timed out), and Linecheck has no view',
        ),
        findings: [
          {
            code: 'NO_RESPONSE',
            severity: 'FAULT',
            observed: 0,
            limit: 1,
            unit: 'state',
            message: 'The modem did not answer the poll (Request timed out).',
          },
          expect.objectContaining({ code: 'NEIGHBOURS_UNKNOWN', severity: 'INFO' }),
        ],
      });
    });

    it.each`
      value | name                    | subKind
      ${13} | ${'accessDenied'}       | ${'ACCESS_DENIED'}
      ${20} | ${'forwardingDisabled'} | ${'FORWARDING_DISABLED'}
    `('status $name is a PROVISIONING_ISSUE for the back office', ({ value, name, subKind }) => {
      const reading = textbookReading({ status: { value, name, resets: 0, lostSyncs: 0 } });
      reading.downstream[0] = dsChannel(1, { powerDbmv: -30 });
      const d = diagnose(diagnosisInput(reading));
      expect(d.verdict).toBe('PROVISIONING_ISSUE');
      expect(d.subKinds).toEqual([subKind]);
      expect(d.action).toBe('BACK_OFFICE');
      expect(d.findings).toEqual([
        expect.objectContaining({
          code: subKind,
          severity: 'FAULT',
          unit: 'state',
          observed: value,
          limit: 12,
        }),
      ]);
      expect(d.findings[0].message).toContain(name);
      expect(d.summary).toMatch(/^Provisioning issue: .* no technician is needed\.$/);
    });

    it.each`
      value | name
      ${15} | ${'dhcpv4InProgress'}
      ${6}  | ${'rangingComplete'}
      ${1}  | ${'other'}
    `('a modem still registering ($name) is INSUFFICIENT_DATA, never a dispatch', ({ value, name }) => {
      const reading = textbookReading({ status: { value, name, resets: 0, lostSyncs: 0 } });
      reading.downstream[0] = dsChannel(1, { powerDbmv: -30 });
      const d = diagnose(diagnosisInput(reading));
      expect(d.verdict).toBe('INSUFFICIENT_DATA');
      expect(d.subKinds).toEqual(['REGISTRATION_IN_PROGRESS']);
      expect(d.action).toBe('NO_DISPATCH');
      expect(d.findings).toEqual([
        expect.objectContaining({
          code: 'REGISTRATION_IN_PROGRESS',
          severity: 'INFO',
          message: `The modem answers but is still registering (state ${name}).`,
        }),
      ]);
    });
  });

  it('sorts findings FAULT, MARGINAL, INFO, then modem-wide, downstream, upstream, by frequency', () => {
    const reading = docsis31Reading({ cpes: [] });
    reading.upstream[2] = usChannel(3, { txPowerDbmv: 34 });
    reading.upstream[0] = usChannel(1, { txPowerDbmv: 16 });
    reading.downstream[7] = dsChannel(8, { powerDbmv: -12 });
    reading.downstream[1] = dsChannel(2, { powerDbmv: -12 });
    reading.downstream[3] = dsChannel(4, { powerDbmv: -16 });
    reading.ofdma[0] = { ...reading.ofdma[0], txPowerDbmv: 49 };
    reading.upstream[3] = usChannel(4, { t3Timeouts: 40 });
    const d = diagnose(diagnosisInput(reading, { history: [historyEntry(6)] }));
    expect(d.findings.map((f) => `${f.severity} ${f.code} ${f.channel?.channelId ?? '-'}`)).toEqual([
      'FAULT T3_T4_TIMEOUTS -',
      'FAULT LOW_DS_POWER 4',
      'FAULT LOW_US_POWER 1',
      'MARGINAL DS_TILT -',
      'MARGINAL LOW_DS_POWER 2',
      'MARGINAL LOW_DS_POWER 8',
      'MARGINAL LOW_US_POWER 3',
      'MARGINAL OFDMA_TX_POWER 9',
      'INFO NO_CPE_DETECTED -',
    ]);
  });
});

describe('sortFindings', () => {
  const f = (severity: Finding['severity'], code: SubKind, channelId?: number): Finding => ({
    code,
    severity,
    observed: 0,
    limit: 0,
    unit: 'state',
    message: '',
    ...(channelId == null
      ? {}
      : {
          channel: {
            direction: 'downstream',
            kind: 'SC-QAM',
            ifIndex: channelId,
            channelId,
            frequencyHz: channelId * 1e6,
          },
        }),
  });

  it('does not mutate its input', () => {
    const input = [f('INFO', 'NO_CPE_DETECTED'), f('FAULT', 'LOW_DS_POWER', 2)];
    const copy = [...input];
    expect(sortFindings(input).map((x) => x.severity)).toEqual(['FAULT', 'INFO']);
    expect(input).toEqual(copy);
  });

  it('breaks ties on the same channel by SUB_KINDS order', () => {
    const sorted = sortFindings([f('FAULT', 'LOW_DS_SNR', 2), f('FAULT', 'LOW_DS_POWER', 2)]);
    expect(sorted.map((x) => x.code)).toEqual(['LOW_DS_POWER', 'LOW_DS_SNR']);
  });
});

describe('actionFor', () => {
  it.each<[Verdict, SubKind[], string]>([
    ['TEXTBOOK_OK', [], 'CHECK_CUSTOMER_EQUIPMENT'],
    ['TEXTBOOK_OK', ['NO_CPE_DETECTED'], 'CHECK_CUSTOMER_EQUIPMENT'],
    ['MARGINAL', ['DS_TILT'], 'REMOTE_FIX'],
    ['LINE_FAULT', ['LOW_DS_POWER'], 'DISPATCH_TECHNICIAN'],
    ['LINE_FAULT', ['PARTIAL_SERVICE_DS'], 'REMOTE_FIX'],
    ['LINE_FAULT', ['PARTIAL_SERVICE_DS', 'PARTIAL_SERVICE_US'], 'REMOTE_FIX'],
    ['LINE_FAULT', ['PARTIAL_SERVICE_US', 'T3_T4_TIMEOUTS'], 'DISPATCH_TECHNICIAN'],
    ['FLAPPING', ['DEVICE_REBOOTS'], 'SWAP_MODEM'],
    ['FLAPPING', ['RF_REINIT'], 'DISPATCH_TECHNICIAN'],
    ['FLAPPING', ['DEVICE_REBOOTS', 'RF_REINIT'], 'DISPATCH_TECHNICIAN'],
    ['FLAPPING', ['DEVICE_REBOOTS', 'LOW_DS_POWER'], 'DISPATCH_TECHNICIAN'],
    ['MODEM_OFFLINE', ['NO_POWER_OR_DISCONNECTED'], 'CHECK_POWER_AND_CABLING'],
    ['LINE_FAULT', ['LOW_US_SNR', 'NODE_WIDE'], 'ESCALATE_TO_NOC'],
    ['LINE_FAULT', ['PARTIAL_SERVICE_DS', 'NODE_WIDE'], 'ESCALATE_TO_NOC'],
    ['LINE_FAULT', ['REGISTRATION_RF_FAILURE'], 'DISPATCH_TECHNICIAN'],
    ['FLAPPING', ['RF_REINIT', 'LOW_US_SNR', 'NODE_WIDE'], 'ESCALATE_TO_NOC'],
    ['FLAPPING', ['DEVICE_REBOOTS', 'LOW_US_SNR', 'NODE_WIDE'], 'ESCALATE_TO_NOC'],
    ['PLANT_OUTAGE', [], 'ESCALATE_TO_NOC'],
    ['PLANT_OUTAGE', ['SERVICE_GROUP_OUTAGE'], 'ESCALATE_TO_NOC'],
    ['INSUFFICIENT_DATA', ['CM_SNMP_UNREACHABLE_BUT_ONLINE'], 'NO_DISPATCH'],
    ['PROVISIONING_ISSUE', ['ACCESS_DENIED'], 'BACK_OFFICE'],
    ['INSUFFICIENT_DATA', [], 'NO_DISPATCH'],
  ])('%s %j -> %s', (verdict, subKinds, action) => {
    expect(actionFor(verdict, subKinds)).toBe(action);
  });
});
