import type { Action, Finding, FaultLocation, HistoryEntry, SubKind, Verdict } from '../../domain/diagnosis';
import { DEFAULT_DISPATCH_POLICY, type DispatchPolicy } from '../../domain/dispatch';
import { DEFAULT_THRESHOLDS } from '../../domain/thresholds';
import { docsis31Reading, textbookReading, unreachableReading, usChannel } from '../test-reading.factory';
import { decideDispatch, type DispatchInput } from './decide-dispatch';

// Friday 4 December 2026 in Warsaw (CET): 10:00 is before the 13:30 cut-off, 15:00 after it; Saturday is a working
// day in the default policy, Sunday is not.
const FRI_10 = Date.parse('2026-12-04T09:00:00Z');
const FRI_15 = Date.parse('2026-12-04T14:00:00Z');
const SUN_10 = Date.parse('2026-12-06T09:00:00Z');
const MIN = 60_000;

function finding(code: SubKind, severity: Finding['severity'] = 'FAULT'): Finding {
  return { code, severity, observed: 0, limit: 0, unit: 'dB', message: '' };
}

function location(place: FaultLocation['place']): FaultLocation {
  return {
    place,
    confidence: 'MEDIUM',
    distanceM: place === 'DROP' ? 45 : null,
    distanceFt: place === 'DROP' ? 148 : null,
    channel: null,
    sharedWith: [],
    neighboursCompared: 3,
    evidence: [],
    message: '',
  };
}

/** The action diagnose.ts pairs with each verdict in the common case. */
const ACTION_OF: Record<Verdict, Action> = {
  TEXTBOOK_OK: 'CHECK_CUSTOMER_EQUIPMENT',
  MARGINAL: 'REMOTE_FIX',
  LINE_FAULT: 'DISPATCH_TECHNICIAN',
  FLAPPING: 'DISPATCH_TECHNICIAN',
  MODEM_OFFLINE: 'CHECK_POWER_AND_CABLING',
  PLANT_OUTAGE: 'ESCALATE_TO_NOC',
  PROVISIONING_ISSUE: 'BACK_OFFICE',
  INSUFFICIENT_DATA: 'NO_DISPATCH',
};

function input(
  verdict: Verdict,
  patch: {
    action?: Action;
    findings?: Finding[];
    subKinds?: SubKind[];
    place?: FaultLocation['place'];
    history?: HistoryEntry[];
    now?: number;
    policy?: Partial<DispatchPolicy>;
    reading?: DispatchInput['reading'];
    recheckAt?: number | null;
  } = {},
): DispatchInput {
  const now = patch.now ?? FRI_10;
  const findings = patch.findings ?? [];
  return {
    diagnosis: {
      verdict,
      action: patch.action ?? ACTION_OF[verdict],
      subKinds: patch.subKinds ?? [...new Set(findings.map((f) => f.code))],
      findings,
      ...(patch.place ? { location: location(patch.place) } : {}),
    },
    reading: patch.reading ?? textbookReading({ observedAt: now - 5_000 }),
    history: patch.history ?? [],
    node: { cmtsId: 'cmts-1', groupKey: '1000.2' },
    thresholds: DEFAULT_THRESHOLDS,
    policy: { ...DEFAULT_DISPATCH_POLICY, ...patch.policy },
    now,
    recheckAt: patch.recheckAt ?? null,
  };
}

/** Earlier readings, minutes before FRI_10, with their verdicts. */
function earlier(...entries: [minutesAgo: number, verdict: Verdict][]): HistoryEntry[] {
  return entries.map(([m, verdict]) => ({ at: FRI_10 - 5_000 - m * MIN, reachable: true, verdict }));
}

describe('decideDispatch: urgency by verdict', () => {
  it.each<[Verdict, string, boolean]>([
    ['TEXTBOOK_OK', 'NONE', false],
    ['MARGINAL', 'NONE', false],
    ['PROVISIONING_ISSUE', 'NONE', false],
    ['INSUFFICIENT_DATA', 'NONE', false],
  ])('%s: urgency %s, no visit', (verdict, urgency, needed) => {
    const d = decideDispatch(input(verdict));
    expect(d).toMatchObject({
      urgency,
      needed,
      skill: 'NONE',
      sameDayEligible: false,
      bring: [],
      closeWhen: [],
    });
    expect(d.visitWindow).toMatchObject({ reason: 'NO_VISIT', earliestDate: null });
  });

  it('tells the agent what to try first when no visit is needed', () => {
    expect(decideDispatch(input('TEXTBOOK_OK')).firstChecks).toEqual(['TEST_WIRED_TO_MODEM']);
    expect(decideDispatch(input('MARGINAL')).firstChecks).toEqual(['REMOTE_REBOOT', 'RECHECK_LINE']);
    expect(decideDispatch(input('PROVISIONING_ISSUE')).firstChecks).toEqual(['CHECK_PROVISIONING']);
  });

  it('sends nobody into a node outage: NOC_ONLY with the outage key, so the calls become one ticket', () => {
    const d = decideDispatch(input('PLANT_OUTAGE', { findings: [finding('SERVICE_GROUP_OUTAGE')] }));
    expect(d).toMatchObject({
      needed: false,
      urgency: 'NOC_ONLY',
      skill: 'NOC',
      outage: 'cmts-1/1000.2',
      impact: 'OUT_OF_SERVICE',
      firstChecks: ['CHECK_NODE_ALARMS'],
    });
  });

  it('sends nobody yet when the diagnosis asks for a remote fix first (dropped channels: reboot once)', () => {
    const d = decideDispatch(
      input('LINE_FAULT', {
        findings: [finding('PARTIAL_SERVICE_DS')],
        action: 'REMOTE_FIX',
        history: earlier([5, 'LINE_FAULT']),
      }),
    );
    expect(d).toMatchObject({
      needed: false,
      urgency: 'NONE',
      firstChecks: ['REMOTE_REBOOT', 'RECHECK_LINE'],
    });
    expect(d.confirmation.confirmed).toBe(true);
  });

  it('hands a silence many modems share to the NOC, with no node to name', () => {
    const d = decideDispatch({
      ...input('INSUFFICIENT_DATA', {
        action: 'ESCALATE_TO_NOC',
        findings: [finding('NEIGHBOURS_UNKNOWN', 'INFO')],
      }),
      node: null,
    });
    expect(d).toMatchObject({ needed: false, urgency: 'NOC_ONLY', skill: 'NOC', outage: null });
  });

  it('treats a fault the node shares as the NOC’s, not a house call', () => {
    const d = decideDispatch(
      input('LINE_FAULT', {
        findings: [finding('LOW_DS_SNR'), finding('NODE_WIDE', 'INFO')],
        place: 'PLANT',
      }),
    );
    expect(d).toMatchObject({ urgency: 'NOC_ONLY', needed: false, outage: 'cmts-1/1000.2' });
  });

  it('gives a confirmed out-of-service fault a same-day visit before the cut-off, and the next working day after it', () => {
    const offline = (now: number) =>
      input('MODEM_OFFLINE', {
        findings: [finding('NO_POWER_OR_DISCONNECTED')],
        now,
        reading: unreachableReading(),
      });
    expect(decideDispatch(offline(FRI_10))).toMatchObject({
      needed: true,
      urgency: 'SAME_DAY',
      sameDayEligible: true,
      impact: 'OUT_OF_SERVICE',
      visitWindow: { reason: 'BEFORE_CUTOFF', earliestDate: '2026-12-04' },
      confirmation: { confirmed: true, by: 'HARD_FAULT' },
    });
    expect(decideDispatch(offline(FRI_15))).toMatchObject({
      urgency: 'SAME_DAY',
      sameDayEligible: false,
      visitWindow: { reason: 'AFTER_CUTOFF', earliestDate: '2026-12-05' },
    });
    expect(decideDispatch(offline(SUN_10))).toMatchObject({
      sameDayEligible: false,
      visitWindow: { reason: 'NOT_A_WORKING_DAY', earliestDate: '2026-12-07' },
    });
  });

  it('asks the customer about power and cables before a visit to a silent modem', () => {
    const d = decideDispatch(
      input('MODEM_OFFLINE', {
        findings: [finding('NO_POWER_OR_DISCONNECTED')],
        reading: unreachableReading(),
      }),
    );
    expect(d.firstChecks.slice(0, 2)).toEqual(['CHECK_POWER_AT_MODEM', 'CHECK_COAX_AT_MODEM']);
    expect(d.bring).toContain('SPARE_MODEM');
  });

  it('gives a degraded line the next available slot, confirmed or not', () => {
    const twice = input('LINE_FAULT', {
      findings: [finding('LOW_DS_SNR')],
      history: earlier([30, 'LINE_FAULT']),
      place: 'DROP',
    });
    expect(decideDispatch(twice)).toMatchObject({
      needed: true,
      urgency: 'NEXT_AVAILABLE',
      impact: 'DEGRADED',
      sameDayEligible: false,
      visitWindow: { reason: 'NOT_URGENT', earliestDate: '2026-12-05' },
      confirmation: { confirmed: true, by: 'SEEN_TWICE', pattern: 'CONTINUOUS' },
    });
  });

  it('follows the policy: degraded lines can be same-day too', () => {
    const d = decideDispatch(
      input('LINE_FAULT', {
        findings: [finding('LOW_DS_SNR')],
        history: earlier([30, 'LINE_FAULT']),
        policy: { degraded: 'SAME_DAY' },
      }),
    );
    expect(d).toMatchObject({ urgency: 'SAME_DAY', sameDayEligible: true });
  });

  it('calls heavy packet loss out of service (policy list), and a fault below that degraded', () => {
    expect(
      decideDispatch(input('LINE_FAULT', { findings: [finding('EXCESSIVE_UNCORRECTABLES')] })).impact,
    ).toBe('OUT_OF_SERVICE');
    expect(
      decideDispatch(input('LINE_FAULT', { findings: [finding('EXCESSIVE_UNCORRECTABLES', 'MARGINAL')] }))
        .impact,
    ).toBe('DEGRADED');
  });
});

describe('decideDispatch: confirmation', () => {
  const snr = [finding('LOW_DS_SNR')];

  it('does not spend a same-day slot on one reading: unconfirmed, slowed to the unconfirmed urgency', () => {
    const d = decideDispatch(
      input('LINE_FAULT', { findings: [finding('EXCESSIVE_UNCORRECTABLES')], recheckAt: FRI_10 + 120_000 }),
    );
    expect(d).toMatchObject({
      needed: true,
      urgency: 'NEXT_AVAILABLE',
      impact: 'OUT_OF_SERVICE',
      sameDayEligible: false,
      confirmation: {
        confirmed: false,
        by: null,
        faultReadings: 1,
        readings: 1,
        pattern: 'SINGLE_READING',
        recheckAt: FRI_10 + 120_000,
      },
    });
  });

  it('confirms on a second reading that shows a fault, and then gives the out-of-service urgency', () => {
    const d = decideDispatch(
      input('LINE_FAULT', {
        findings: [finding('EXCESSIVE_UNCORRECTABLES')],
        history: earlier([2, 'LINE_FAULT']),
      }),
    );
    expect(d).toMatchObject({
      urgency: 'SAME_DAY',
      sameDayEligible: true,
      confirmation: { confirmed: true, by: 'SEEN_TWICE', faultReadings: 2, readings: 2, recheckAt: null },
    });
  });

  it('confirms on one reading when the fault is hard: no power headroom, offline at the CMTS', () => {
    for (const code of ['HIGH_US_POWER', 'NO_POWER_OR_DISCONNECTED'] as const) {
      const verdict = code === 'HIGH_US_POWER' ? 'LINE_FAULT' : 'MODEM_OFFLINE';
      expect(decideDispatch(input(verdict, { findings: [finding(code)] })).confirmation).toMatchObject({
        confirmed: true,
        by: 'HARD_FAULT',
        pattern: 'SINGLE_READING',
      });
    }
    // A transmit level that is only marginal leaves headroom: not hard.
    expect(
      decideDispatch(input('LINE_FAULT', { findings: [finding('HIGH_US_POWER', 'MARGINAL'), ...snr] }))
        .confirmation.confirmed,
    ).toBe(false);
  });

  it('says intermittent when good readings came between the faults, continuous when none did', () => {
    const intermittent = decideDispatch(
      input('LINE_FAULT', {
        findings: snr,
        history: earlier([300, 'TEXTBOOK_OK'], [200, 'LINE_FAULT'], [100, 'TEXTBOOK_OK'], [50, 'MARGINAL']),
      }),
    );
    expect(intermittent.confirmation).toMatchObject({
      confirmed: true,
      faultReadings: 2,
      readings: 5,
      pattern: 'INTERMITTENT',
    });
    const continuous = decideDispatch(
      input('FLAPPING', {
        findings: [finding('RF_REINIT')],
        history: earlier([300, 'TEXTBOOK_OK'], [60, 'LINE_FAULT']),
      }),
    );
    expect(continuous.confirmation).toMatchObject({ confirmed: true, pattern: 'CONTINUOUS', readings: 3 });
  });

  it('ignores readings older than the window and readings without a verdict', () => {
    const d = decideDispatch(
      input('LINE_FAULT', {
        findings: snr,
        history: [...earlier([25 * 60, 'LINE_FAULT']), { at: FRI_10 - 10 * MIN, reachable: true }],
      }),
    );
    expect(d.confirmation).toMatchObject({ confirmed: false, readings: 1, faultReadings: 1 });
  });

  it('schedules nothing for a verdict that is not a fault', () => {
    expect(decideDispatch(input('TEXTBOOK_OK', { recheckAt: FRI_10 + 1 })).confirmation).toEqual({
      confirmed: false,
      by: null,
      faultReadings: 0,
      readings: 1,
      pattern: 'SINGLE_READING',
      recheckAt: null,
    });
  });
});

describe('decideDispatch: whom to send and with what', () => {
  const confirmedFault = (place: FaultLocation['place'], findings: Finding[] = [finding('LOW_DS_SNR')]) =>
    decideDispatch(input('LINE_FAULT', { findings, place, history: earlier([10, 'LINE_FAULT']) }));

  it.each<[FaultLocation['place'], string, string[], string[], string | null]>([
    ['HOME', 'INSTALL_TECH', ['CONNECTORS', 'SPLITTER'], ['MEASURE_AT_ENTRY_POINT'], null],
    ['DROP', 'INSTALL_TECH', ['CONNECTORS', 'DROP_CABLE'], ['CHECK_DROP_AND_GROUND_BLOCK'], null],
    [
      'TAP_OR_AMPLIFIER',
      'LINE_TECH',
      ['CONNECTORS', 'PAD_ATTENUATOR'],
      ['CHECK_TAP_AND_AMPLIFIER'],
      'cmts-1/1000.2',
    ],
    ['PLANT', 'LINE_TECH', ['CONNECTORS', 'PAD_ATTENUATOR'], ['CHECK_TAP_AND_AMPLIFIER'], 'cmts-1/1000.2'],
    [
      'UNKNOWN',
      'INSTALL_TECH',
      ['CONNECTORS', 'SPLITTER', 'DROP_CABLE'],
      ['MEASURE_AT_ENTRY_POINT', 'CHECK_DROP_AND_GROUND_BLOCK'],
      null,
    ],
  ])('%s: %s brings %j, starts with %j (outage %s)', (place, skill, bring, firstChecks, outage) => {
    const d = confirmedFault(place);
    expect(d).toMatchObject({ skill, bring, firstChecks, outage });
    expect(d.location?.place).toBe(place);
  });

  it('adds a pad for too much signal', () => {
    expect(confirmedFault('HOME', [finding('HIGH_DS_POWER')]).bring).toContain('PAD_ATTENUATOR');
  });

  it('closes on the textbook levels of the profile for the channels the modem has', () => {
    const t = DEFAULT_THRESHOLDS;
    const d30 = decideDispatch(
      input('LINE_FAULT', {
        findings: [finding('LOW_DS_SNR')],
        reading: textbookReading({ upstream: [usChannel(1), usChannel(2), usChannel(3), usChannel(4)] }),
      }),
    );
    expect(d30.closeWhen).toEqual([
      { measure: 'DS_POWER', min: t.dsPower.textbookMin, max: t.dsPower.textbookMax, unit: 'dBmV' },
      { measure: 'DS_SNR', min: t.dsSnr.qam256.textbook, unit: 'dB' },
      { measure: 'US_TX_POWER', min: t.usTxPower.lowMarginal, max: 51 - 1, unit: 'dBmV' },
      { measure: 'UNCORRECTABLE_RATIO', max: t.codewords.uncorrectableMarginal, unit: 'ratio' },
      { measure: 'T3_T4_TIMEOUTS', max: 0, unit: 'count' },
    ]);
    const d31 = decideDispatch(
      input('LINE_FAULT', { findings: [finding('OFDM_LOW_MER')], reading: docsis31Reading() }),
    );
    expect(d31.closeWhen.map((c) => c.measure)).toContain('OFDM_MER');
    expect(d31.closeWhen.find((c) => c.measure === 'US_TX_POWER')?.max).toBe(t.usTxPower.docsis31TextbookMax);
    // A silent modem's bonding is unknown: no upper transmit bound is invented.
    const silent = decideDispatch(
      input('MODEM_OFFLINE', {
        findings: [finding('NO_POWER_OR_DISCONNECTED')],
        reading: unreachableReading(),
      }),
    );
    expect(silent.closeWhen.find((c) => c.measure === 'US_TX_POWER')).toEqual({
      measure: 'US_TX_POWER',
      min: t.usTxPower.lowMarginal,
      unit: 'dBmV',
    });
  });
});
