import type { CmtsModemRow } from '../domain/cmts-reading';
import { diagnose } from './diagnose';
import { DEFAULT_THRESHOLDS } from '../domain/thresholds';
import {
  HOUR_MS,
  NOW,
  cmtsContext,
  cmtsRow,
  cmtsUpstream,
  diagnosisInput,
  historyEntry,
  neighbourhood,
  textbookReading,
  unreachableReading,
} from './test-reading.factory';
import type { CmtsContext, CpeDevice, Neighbourhood, SubKind } from '../domain/diagnosis';

const POWER_ADVICE =
  'Have the customer check that the modem has power (lights on) and that the coax cable is screwed in, then ' +
  'power-cycle it; book a technician if it is still offline after 5 minutes.';

function ago(hoursAgo: number): number {
  return NOW - hoursAgo * HOUR_MS;
}

function offlineWith(cmts: Partial<CmtsContext>, error = 'timeout') {
  return diagnose(diagnosisInput(unreachableReading(error), { cmts: cmtsContext(cmts) }));
}

/** A CMTS row whose third upstream the CMTS hears with a poor SNR. */
function noisyRow(snrDb = 22, patch: Partial<CmtsModemRow> = {}): CmtsModemRow {
  const row = cmtsRow(patch);
  row.upstream[2] = cmtsUpstream(3, { snrDb });
  return row;
}

function reachableWith(cmts: Partial<CmtsContext>, patch: Parameters<typeof diagnosisInput>[1] = {}) {
  return diagnose(diagnosisInput(textbookReading(), { cmts: cmtsContext(cmts), ...patch }));
}

/** The node counts a diagnosis of the default neighbourhood keeps (31 others). */
const nodeCounts = (othersOffline: number) => ({
  cmtsId: 'sim-cmts-1',
  node: '1000.2',
  groupedBy: 'serviceGroup',
  others: 31,
  othersOffline,
  observedAt: expect.any(Number),
});

describe('diagnose with CMTS data', () => {
  describe('an unreachable modem the CMTS has online (§3.3 step 2)', () => {
    it('is INSUFFICIENT_DATA, never a dispatch', () => {
      expect(offlineWith({}, 'Request timed out')).toEqual({
        notChecked: [],
        neighbours: nodeCounts(2),

        verdict: 'INSUFFICIENT_DATA',
        subKinds: ['CM_SNMP_UNREACHABLE_BUT_ONLINE'],
        action: 'NO_DISPATCH',
        summary:
          'The modem is online at the network but its management interface does not answer (Request timed out), ' +
          'so only the network side can be checked. Nothing to dispatch on this alone.',
        findings: [
          {
            code: 'CM_SNMP_UNREACHABLE_BUT_ONLINE',
            severity: 'INFO',
            observed: 8,
            limit: 8,
            unit: 'state',
            message:
              'The network sees the modem online, but the modem did not answer the poll (Request timed out).',
          },
        ],
      });
    });

    it('counts registrationComplete(6) as online', () => {
      expect(offlineWith({ row: cmtsRow({ regState: 6 }) }).verdict).toBe('INSUFFICIENT_DATA');
    });

    it('keeps what the CMTS rules find without changing the verdict', () => {
      const d = offlineWith({ row: noisyRow(22, { partialSvcState: 4 }) });
      expect(d.verdict).toBe('INSUFFICIENT_DATA');
      expect(d.subKinds).toEqual(['CM_SNMP_UNREACHABLE_BUT_ONLINE']);
      expect(d.action).toBe('NO_DISPATCH');
      expect(d.findings.map((f) => `${f.severity} ${f.code}`)).toEqual([
        'FAULT PARTIAL_SERVICE_US',
        'FAULT LOW_US_SNR',
        'INFO CM_SNMP_UNREACHABLE_BUT_ONLINE',
      ]);
      expect(d.summary).toContain(
        "From the network side: The network reports some of this modem's upstream channels as impaired",
      );
    });

    it('wins over an outage in its group, which does not explain a modem that is online', () => {
      expect(offlineWith({ neighbourhood: neighbourhood({ othersOffline: 26 }) }).verdict).toBe(
        'INSUFFICIENT_DATA',
      );
    });
  });

  describe('an unreachable modem with offline neighbours (§2.10)', () => {
    it.each`
      others | othersOffline | verdict
      ${40}  | ${4}          | ${'PLANT_OUTAGE'}
      ${10}  | ${4}          | ${'PLANT_OUTAGE'}
      ${10}  | ${3}          | ${'MODEM_OFFLINE'}
      ${41}  | ${4}          | ${'MODEM_OFFLINE'}
      ${40}  | ${40}         | ${'PLANT_OUTAGE'}
      ${0}   | ${0}          | ${'INSUFFICIENT_DATA'}
    `('$othersOffline of $others other modems offline: $verdict', ({ others, othersOffline, verdict }) => {
      const d = offlineWith({ row: null, neighbourhood: neighbourhood({ others, othersOffline }) });
      expect(d.verdict).toBe(verdict);
    });

    it('escalates an outage to the NOC, naming the node', () => {
      const d = offlineWith({ row: null, neighbourhood: neighbourhood({ othersOffline: 26 }) });
      expect(d).toEqual({
        notChecked: [],
        neighbours: nodeCounts(26),

        verdict: 'PLANT_OUTAGE',
        subKinds: ['SERVICE_GROUP_OUTAGE'],
        action: 'ESCALATE_TO_NOC',
        summary:
          "There is an outage in the customer's area: 26 of 31 other modems on node 1000.2 of sim-cmts-1 are " +
          'offline too. Engineers are on it (network operations); no house call and no modem swap: attach the ' +
          'ticket to the outage.',
        findings: [
          {
            code: 'SERVICE_GROUP_OUTAGE',
            severity: 'FAULT',
            observed: 83.9,
            limit: 10,
            unit: '%',
            message: '26 of 31 other modems on node 1000.2 of sim-cmts-1 are offline too.',
          },
          expect.objectContaining({
            code: 'NO_RESPONSE',
            message: 'The modem did not answer the poll (timeout).',
          }),
        ],
      });
    });

    it('reports the share against the thresholds of the input', () => {
      const d = diagnose(
        diagnosisInput(unreachableReading(), {
          cmts: cmtsContext({ row: null, neighbourhood: neighbourhood({ others: 40, othersOffline: 4 }) }),
          thresholds: {
            ...diagnosisInput(unreachableReading()).thresholds,
            neighbourhood: {
              ...diagnosisInput(unreachableReading()).thresholds.neighbourhood,
              outageMinOffline: 4,
              outageMinShare: 0.2,
            },
          },
        }),
      );
      expect(d.verdict).toBe('MODEM_OFFLINE');
    });

    it('wins over a modem stuck ranging (many homes losing the upstream at once)', () => {
      const d = offlineWith({
        row: cmtsRow({ regState: 2 }),
        neighbourhood: neighbourhood({ othersOffline: 5 }),
      });
      expect(d.verdict).toBe('PLANT_OUTAGE');
    });
  });

  describe('an unreachable modem stuck ranging (§3.3 step 3)', () => {
    it.each`
      regState | name
      ${2}     | ${'initialRanging'}
      ${4}     | ${'rangingAutoAdjComplete'}
    `('state $name is LINE_FAULT [REGISTRATION_RF_FAILURE]: dispatch', ({ regState, name }) => {
      const d = offlineWith({ row: cmtsRow({ regState }) });
      expect(d.verdict).toBe('LINE_FAULT');
      expect(d.subKinds).toEqual(['REGISTRATION_RF_FAILURE']);
      expect(d.action).toBe('DISPATCH_TECHNICIAN');
      const message =
        `The modem is powered and hears the network but cannot complete ranging (${name}): the upstream path ` +
        'from this home is faulty.';
      expect(d.findings[0]).toEqual({
        code: 'REGISTRATION_RF_FAILURE',
        severity: 'FAULT',
        observed: regState,
        limit: 8,
        unit: 'state',
        message,
      });
      expect(d.summary).toBe(`Line fault: ${message} Dispatch a technician.`);
    });

    it.each([1, 5, 11, 14, 16])('other CMTS states (%p) leave it MODEM_OFFLINE', (regState) => {
      expect(offlineWith({ row: cmtsRow({ regState }) }).verdict).toBe('MODEM_OFFLINE');
    });
  });

  describe('an unreachable modem otherwise (§3.3 step 4)', () => {
    it('is MODEM_OFFLINE, saying how many neighbours are fine', () => {
      const d = offlineWith({ row: null });
      expect(d).toEqual({
        notChecked: [],
        neighbours: nodeCounts(2),

        verdict: 'MODEM_OFFLINE',
        subKinds: ['NO_POWER_OR_DISCONNECTED'],
        action: 'CHECK_POWER_AND_CABLING',
        summary:
          '29 of 31 other modems on the same node are online, so the problem is at this home: it did not answer ' +
          `(timeout). ${POWER_ADVICE}`,
        findings: [expect.objectContaining({ code: 'NO_RESPONSE', severity: 'FAULT' })],
      });
    });

    it.each<[string, Partial<CmtsContext>]>([
      ['no neighbourhood', { row: null, neighbourhood: null }],
      ['an empty group', { row: null, neighbourhood: neighbourhood({ others: 0, othersOffline: 0 }) }],
      ['a row in state other', { row: cmtsRow({ regState: 1 }), neighbourhood: null }],
    ])('never claims "only this home" with %s: the neighbours were not counted', (_label, cmts) => {
      const d = offlineWith(cmts);
      expect(d.verdict).toBe('INSUFFICIENT_DATA');
      expect(d.subKinds).toEqual(['NEIGHBOURS_UNKNOWN']);
      expect(d.action).toBe('NO_DISPATCH');
      expect(d.summary).toContain('it cannot be told whether only this home is affected');
      expect(d.summary).not.toMatch(/only this modem|at this home/i);
      expect(d.findings.map((f) => f.code)).toEqual(['NO_RESPONSE', 'NEIGHBOURS_UNKNOWN']);
    });

    it('says why the neighbours are unknown', () => {
      expect(offlineWith({ row: null, neighbourhood: null }).summary).toContain(
        'its CMTS sim-cmts-1 has never shown which node it belongs to',
      );
      expect(
        offlineWith({ row: null, neighbourhood: neighbourhood({ others: 0, othersOffline: 0 }) }).summary,
      ).toContain('no other modem is known on its node (node 1000.2 of sim-cmts-1)');
      expect(diagnose(diagnosisInput(unreachableReading())).summary).toContain(
        'Linecheck has no view of it from the network side',
      );
    });

    it('escalates a silent modem of unknown node when many modems fell silent at once', () => {
      const limit = DEFAULT_THRESHOLDS.neighbourhood.silenceBurstMinModems;
      const below = diagnose(diagnosisInput(unreachableReading(), { othersSilent: limit - 1 }));
      expect(below.subKinds).toEqual(['NEIGHBOURS_UNKNOWN']);
      const d = diagnose(diagnosisInput(unreachableReading(), { othersSilent: limit }));
      expect(d.verdict).toBe('INSUFFICIENT_DATA');
      expect(d.subKinds).toEqual(['NEIGHBOURS_UNKNOWN', 'SILENCE_BURST']);
      expect(d.action).toBe('ESCALATE_TO_NOC');
      expect(d.summary).toContain(`${limit} other modems stopped answering within the last 15 minutes`);
      expect(d.summary).not.toMatch(/at this home|check .*power/i);
      expect(d.findings).toContainEqual(
        expect.objectContaining({ code: 'SILENCE_BURST', observed: limit, limit, unit: 'count' }),
      );
    });
  });

  describe('a reachable modem', () => {
    it('stays TEXTBOOK_OK on a clean CMTS row', () => {
      expect(reachableWith({}).verdict).toBe('TEXTBOOK_OK');
    });

    it('is a LINE_FAULT when the CMTS hears a poor upstream', () => {
      const d = reachableWith({ row: noisyRow() });
      expect(d.verdict).toBe('LINE_FAULT');
      expect(d.subKinds).toEqual(['LOW_US_SNR']);
      expect(d.action).toBe('DISPATCH_TECHNICIAN');
      expect(d.summary).toBe(
        "Line fault: The network hears this modem's upstream with an SNR of 22 dB, below the 25 dB minimum: " +
          'noise is getting into the return path. Dispatch a technician.',
      );
    });

    it('is MARGINAL on a CMTS level offset within the fault limit', () => {
      const row = cmtsRow({ upstream: [cmtsUpstream(1, { rxPowerDbmv: -4 })] });
      const d = reachableWith({ row });
      expect(d.verdict).toBe('MARGINAL');
      expect(d.subKinds).toEqual(['US_RX_OFFSET']);
    });
  });

  describe('NODE_WIDE', () => {
    const nodeWith = (count: number, others = 40, kind: SubKind = 'LOW_US_SNR'): Partial<CmtsContext> => ({
      row: noisyRow(),
      neighbourhood: neighbourhood({ others, faultCounts: { [kind]: count } }),
    });

    it('escalates a fault that 10 % of the node shares', () => {
      const d = reachableWith(nodeWith(4));
      expect(d.verdict).toBe('LINE_FAULT');
      expect(d.subKinds).toEqual(['LOW_US_SNR', 'NODE_WIDE']);
      expect(d.action).toBe('ESCALATE_TO_NOC');
      const nodeWide = {
        code: 'NODE_WIDE',
        severity: 'FAULT',
        observed: 10,
        limit: 10,
        unit: '%',
        message:
          'The same fault (LOW_US_SNR) shows on 4 of 40 other modems of this node: a node or amplifier problem.',
      };
      expect(d.findings).toContainEqual(nodeWide);
      expect(d.summary).toBe(
        "Line fault: The network hears this modem's upstream with an SNR of 22 dB, below the 25 dB minimum: " +
          `noise is getting into the return path. ${nodeWide.message} Escalate to network operations; no house ` +
          'call for this customer alone.',
      );
    });

    it.each`
      count | others | nodeWide
      ${4}  | ${40}  | ${true}
      ${4}  | ${41}  | ${false}
      ${12} | ${31}  | ${true}
      ${3}  | ${31}  | ${false}
      ${0}  | ${31}  | ${false}
    `(
      '$count of $others neighbours sharing the fault: NODE_WIDE $nodeWide',
      ({ count, others, nodeWide }) => {
        const d = reachableWith(nodeWith(count, others));
        expect(d.subKinds.includes('NODE_WIDE')).toBe(nodeWide);
        expect(d.action).toBe(nodeWide ? 'ESCALATE_TO_NOC' : 'DISPATCH_TECHNICIAN');
      },
    );

    it('needs the neighbours to share one of this modem’s FAULT sub-kinds', () => {
      expect(reachableWith(nodeWith(20, 40, 'HIGH_DS_POWER')).subKinds).toEqual(['LOW_US_SNR']);
    });

    it('does not apply to MARGINAL findings', () => {
      const d = reachableWith({
        row: noisyRow(27),
        neighbourhood: neighbourhood({ faultCounts: { LOW_US_SNR: 20 } }),
      });
      expect(d.verdict).toBe('MARGINAL');
      expect(d.subKinds).toEqual(['LOW_US_SNR']);
    });

    it('does not apply without neighbours', () => {
      const n: Neighbourhood = neighbourhood({ others: 0, faultCounts: { LOW_US_SNR: 3 } });
      expect(reachableWith({ row: noisyRow(), neighbourhood: n }).subKinds).toEqual(['LOW_US_SNR']);
    });

    it('joins the FAULT sub-kinds inside FLAPPING, and escalates', () => {
      const history = [
        historyEntry(20, { resets: 1 }),
        historyEntry(12, { resets: 2 }),
        historyEntry(4, { resets: 3 }),
      ];
      const reading = textbookReading({
        status: { value: 12, name: 'operational', resets: 4, lostSyncs: 0 },
      });
      const d = diagnose(diagnosisInput(reading, { history, cmts: cmtsContext(nodeWith(4)) }));
      expect(d.verdict).toBe('FLAPPING');
      expect(d.subKinds).toEqual(['RF_REINIT', 'LOW_US_SNR', 'NODE_WIDE']);
      expect(d.action).toBe('ESCALATE_TO_NOC');
      expect(d.summary).toContain('Escalate to network operations; no house call for this customer alone.');
    });

    it('applies to a modem stuck ranging when the node shares that failure', () => {
      const d = offlineWith({
        row: cmtsRow({ regState: 2 }),
        neighbourhood: neighbourhood({ faultCounts: { REGISTRATION_RF_FAILURE: 3 }, others: 30 }),
      });
      expect(d.subKinds).toEqual(['REGISTRATION_RF_FAILURE', 'NODE_WIDE']);
      expect(d.action).toBe('ESCALATE_TO_NOC');
    });
  });

  describe('FLAPPING from CMTS re-registrations', () => {
    const history = [
      historyEntry(20, { lastRegAt: ago(30) }),
      historyEntry(12, { lastRegAt: ago(14) }),
      historyEntry(4, { lastRegAt: ago(6) }),
    ];

    it('counts the current row’s registration: three without a reboot is RF_REINIT', () => {
      const d = reachableWith({ row: cmtsRow({ lastRegAt: ago(2) }) }, { history });
      expect(d.verdict).toBe('FLAPPING');
      expect(d.subKinds).toEqual(['RF_REINIT']);
      expect(d.action).toBe('DISPATCH_TECHNICIAN');
      expect(d.findings[0]).toEqual(expect.objectContaining({ code: 'RF_REINIT', observed: 3 }));
    });

    it('two are not flapping', () => {
      expect(reachableWith({ row: cmtsRow({ lastRegAt: ago(6) }) }, { history }).verdict).toBe('TEXTBOOK_OK');
      expect(diagnose(diagnosisInput(textbookReading(), { history })).verdict).toBe('TEXTBOOK_OK');
    });
  });

  describe('TEXTBOOK_OK and the devices behind the modem', () => {
    const dev = (n: number, vendor: string | null): CpeDevice => ({ mac: `a4:2b:b0:00:00:0${n}`, vendor });
    const ADVICE =
      ': have the customer test with a computer wired directly to the modem, bypassing the router.';

    it.each<[string, CpeDevice[], string]>([
      ['one known vendor', [dev(1, 'TP-Link')], 'a TP-Link router is connected'],
      ['two vendors', [dev(1, 'TP-Link'), dev(2, 'AVM')], 'TP-Link and AVM devices are connected'],
      [
        'three vendors',
        [dev(1, 'TP-Link'), dev(2, 'AVM'), dev(3, 'Netgear')],
        'TP-Link, AVM and Netgear devices are connected',
      ],
      ['two of one vendor', [dev(1, 'AVM'), dev(2, 'AVM')], 'AVM devices are connected'],
      [
        'one device listed twice',
        [dev(1, 'AVM'), { mac: 'A4:2B:B0:00:00:01', vendor: 'AVM' }],
        'an AVM router is connected',
      ],
      ['an unknown vendor', [dev(1, null)], 'a device is connected'],
      ['two unknown vendors', [dev(1, null), dev(2, null)], '2 devices are connected'],
      [
        'known and unknown vendors',
        [dev(1, 'TP-Link'), dev(2, null), dev(3, 'AVM')],
        'TP-Link and AVM devices and 1 other device are connected',
      ],
    ])('%s', (_label, cpeDevices, devices) => {
      const d = diagnose(diagnosisInput(textbookReading(), { cpeDevices }));
      expect(d.verdict).toBe('TEXTBOOK_OK');
      expect(d.summary).toBe(`Line and modem are within spec; ${devices}${ADVICE}`);
    });

    it('keeps the general advice when no device is known', () => {
      const d = diagnose(diagnosisInput(textbookReading(), { cpeDevices: [] }));
      expect(d.summary).toBe(
        'Line and modem are within spec. Have the customer test with a computer wired directly to the modem, ' +
          'bypassing their own router.',
      );
    });

    it.each`
      label                               | cpeMacs                  | row                      | noCpe
      ${'bridge MAC, no CPE table'}       | ${['a4:2b:b0:00:00:01']} | ${null}                  | ${false}
      ${'CMTS CPE only'}                  | ${[]}                    | ${cmtsRow()}             | ${false}
      ${'nothing, CMTS row without CPEs'} | ${[]}                    | ${cmtsRow({ cpes: [] })} | ${true}
      ${'nothing, no CMTS row'}           | ${[]}                    | ${null}                  | ${true}
    `('$label: NO_CPE_DETECTED $noCpe', ({ cpeMacs, row, noCpe }) => {
      const reading = textbookReading({ cpes: [], cpeMacs });
      const d = diagnose(diagnosisInput(reading, { cmts: cmtsContext({ row }) }));
      expect(d.verdict).toBe('TEXTBOOK_OK');
      expect(d.subKinds).toEqual(noCpe ? ['NO_CPE_DETECTED'] : []);
    });
  });
});
