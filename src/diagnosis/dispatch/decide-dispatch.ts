import type { Action, Diagnosis, FaultPlace, HistoryEntry, Verdict } from '../../domain/diagnosis';
import type {
  BringItem,
  CloseCondition,
  Confirmation,
  Dispatch,
  DispatchPolicy,
  FirstCheck,
  Skill,
  Urgency,
  VisitUrgency,
} from '../../domain/dispatch';
import type { ModemReading } from '../../domain/modem-reading';
import type { ThresholdsProfile } from '../../domain/thresholds';
import { visitWindow } from './visit-calendar';

export interface DispatchInput {
  diagnosis: Pick<Diagnosis, 'verdict' | 'subKinds' | 'action' | 'findings' | 'location' | 'preEq'>;
  /** The reading the diagnosis graded (its channels decide the levels to close on). */
  reading: ModemReading;
  /** Earlier readings of this modem (any order; this one is not among them). */
  history: readonly HistoryEntry[];
  /** The modem's node, when its CMTS placed it. */
  node: { cmtsId: string; groupKey: string } | null;
  thresholds: ThresholdsProfile;
  policy: DispatchPolicy;
  /** When the answer is given (the hour decides whether a same-day slot is realistic). */
  now: number;
  /** When an unconfirmed fault will be polled again, if a re-check is scheduled. */
  recheckAt: number | null;
}

/** Verdicts that are faults of the line or the modem: they count towards confirming one another. */
const FAULT_VERDICTS: ReadonlySet<Verdict> = new Set([
  'LINE_FAULT',
  'FLAPPING',
  'MODEM_OFFLINE',
  'PLANT_OUTAGE',
]);

/**
 * Actions that end in a visit if the fault stands (a silent modem's after the customer checked power and cables).
 * REMOTE_FIX (dropped channels: reboot once) and the rest send nobody yet.
 */
const VISIT_ACTIONS: ReadonlySet<Action> = new Set([
  'DISPATCH_TECHNICIAN',
  'SWAP_MODEM',
  'CHECK_POWER_AND_CABLING',
]);

const SPEED: Record<VisitUrgency, number> = { SAME_DAY: 0, NEXT_AVAILABLE: 1 };

/** What the diagnosis asks of the field (docs/dispatch.md): pure, from the diagnosis, the history and the clock. */
export function decideDispatch(input: DispatchInput): Dispatch {
  const { diagnosis, policy, now } = input;
  const nodeWide = diagnosis.verdict === 'PLANT_OUTAGE' || diagnosis.subKinds.includes('NODE_WIDE');
  // A silence many modems share (node unknown) is the NOC's too, without a node to name.
  const noc = nodeWide || diagnosis.action === 'ESCALATE_TO_NOC';
  const confirmation = confirm(input);
  const impact = impactOf(input);
  const location = diagnosis.location ?? null;
  const outage =
    input.node && (nodeWide || isSharedPlace(location?.place))
      ? `${input.node.cmtsId}/${input.node.groupKey}`
      : null;

  if (noc) {
    return {
      needed: false,
      urgency: 'NOC_ONLY',
      sameDayEligible: false,
      visitWindow: visitWindow('NOC_ONLY', now, policy),
      impact,
      skill: 'NOC',
      location,
      bring: [],
      firstChecks: ['CHECK_NODE_ALARMS'],
      closeWhen: [],
      outage,
      confirmation,
    };
  }
  if (!VISIT_ACTIONS.has(diagnosis.action)) {
    return {
      needed: false,
      urgency: 'NONE',
      sameDayEligible: false,
      visitWindow: visitWindow('NONE', now, policy),
      impact,
      skill: 'NONE',
      location,
      bring: [],
      firstChecks: noVisitChecks(diagnosis),
      closeWhen: [],
      outage,
      confirmation,
    };
  }
  const urgency = visitUrgency(
    impact === 'OUT_OF_SERVICE' ? policy.outOfService : policy.degraded,
    confirmation,
    policy,
  );
  const window = visitWindow(urgency, now, policy);
  const skill: Skill = isSharedPlace(location?.place) ? 'LINE_TECH' : 'INSTALL_TECH';
  return {
    needed: true,
    urgency,
    sameDayEligible: window.reason === 'BEFORE_CUTOFF',
    visitWindow: window,
    impact,
    skill,
    location,
    bring: bringFor(input, skill),
    firstChecks: visitChecks(diagnosis.verdict, location?.place),
    closeWhen: closeWhen(input),
    outage,
    confirmation,
  };
}

function isSharedPlace(place: FaultPlace | undefined): boolean {
  return place === 'TAP_OR_AMPLIFIER' || place === 'PLANT';
}

/** The policy's urgency for the fault, slowed to the unconfirmed one until a second reading or a hard fault confirms. */
function visitUrgency(wanted: VisitUrgency, c: Confirmation, policy: DispatchPolicy): Urgency {
  return c.confirmed || SPEED[wanted] >= SPEED[policy.unconfirmed] ? wanted : policy.unconfirmed;
}

function impactOf({ diagnosis, policy }: DispatchInput): Dispatch['impact'] {
  switch (diagnosis.verdict) {
    case 'MODEM_OFFLINE':
    case 'PLANT_OUTAGE':
      return 'OUT_OF_SERVICE';
    case 'LINE_FAULT':
    case 'FLAPPING':
      return diagnosis.findings.some(
        (f) => f.severity === 'FAULT' && policy.outOfServiceSubKinds.includes(f.code),
      )
        ? 'OUT_OF_SERVICE'
        : 'DEGRADED';
    default:
      return null;
  }
}

function isFault(verdict: Verdict | undefined): boolean {
  return verdict != null && FAULT_VERDICTS.has(verdict);
}

/**
 * A fault is confirmed by a hard fault on this reading, or by an earlier reading in the window that showed one too.
 * The pattern looks at every reading of the window: good ones after the first fault make it intermittent.
 */
function confirm({ diagnosis, reading, history, policy, recheckAt }: DispatchInput): Confirmation {
  const fault = isFault(diagnosis.verdict);
  const since = reading.observedAt - policy.confirmWindowHours * 3_600_000;
  const earlier = history
    .filter((h) => h.verdict != null && h.at >= since && h.at < reading.observedAt)
    .sort((a, b) => a.at - b.at);
  const all = [...earlier.map((h) => isFault(h.verdict)), fault];
  const faultReadings = all.filter(Boolean).length;
  const firstFault = all.indexOf(true);
  const pattern: Confirmation['pattern'] =
    faultReadings <= 1
      ? 'SINGLE_READING'
      : all.slice(firstFault).every(Boolean)
        ? 'CONTINUOUS'
        : 'INTERMITTENT';
  const hard = diagnosis.findings.some(
    (f) => f.severity === 'FAULT' && policy.hardFaultSubKinds.includes(f.code),
  );
  const by = !fault ? null : hard ? 'HARD_FAULT' : faultReadings >= 2 ? 'SEEN_TWICE' : null;
  return {
    confirmed: by != null,
    by,
    faultReadings,
    readings: all.length,
    pattern,
    recheckAt: fault && by == null ? recheckAt : null,
  };
}

function noVisitChecks({ verdict, action }: DispatchInput['diagnosis']): FirstCheck[] {
  if (action === 'REMOTE_FIX') {
    return ['REMOTE_REBOOT', 'RECHECK_LINE'];
  }
  switch (verdict) {
    case 'TEXTBOOK_OK':
      return ['TEST_WIRED_TO_MODEM'];
    case 'PROVISIONING_ISSUE':
      return ['CHECK_PROVISIONING'];
    default:
      return ['RECHECK_LINE'];
  }
}

function visitChecks(verdict: Verdict, place: FaultPlace | undefined): FirstCheck[] {
  const customer: FirstCheck[] =
    verdict === 'MODEM_OFFLINE'
      ? ['CHECK_POWER_AT_MODEM', 'CHECK_COAX_AT_MODEM']
      : verdict === 'FLAPPING'
        ? ['CHECK_COAX_AT_MODEM']
        : [];
  switch (place) {
    case 'HOME':
      return [...customer, 'MEASURE_AT_ENTRY_POINT'];
    case 'DROP':
      return [...customer, 'CHECK_DROP_AND_GROUND_BLOCK'];
    case 'TAP_OR_AMPLIFIER':
    case 'PLANT':
      return [...customer, 'CHECK_TAP_AND_AMPLIFIER'];
    default:
      return [...customer, 'MEASURE_AT_ENTRY_POINT', 'CHECK_DROP_AND_GROUND_BLOCK'];
  }
}

function bringFor({ diagnosis }: DispatchInput, skill: Skill): BringItem[] {
  const items = new Set<BringItem>(['CONNECTORS']);
  const place = diagnosis.location?.place;
  const kinds = new Set(diagnosis.subKinds);
  if (kinds.has('HIGH_DS_POWER') || kinds.has('LOW_US_POWER')) {
    items.add('PAD_ATTENUATOR');
  }
  if (skill === 'LINE_TECH') {
    items.add('PAD_ATTENUATOR');
    return [...items];
  }
  if (place === 'HOME' || place === undefined || place === 'UNKNOWN') {
    items.add('SPLITTER');
  }
  if (place === 'DROP' || place === undefined || place === 'UNKNOWN') {
    items.add('DROP_CABLE');
  }
  if (diagnosis.verdict !== 'LINE_FAULT' || kinds.has('DEVICE_REBOOTS')) {
    items.add('SPARE_MODEM');
  }
  return [...items];
}

/** The textbook levels of the profile on the channels this modem has: what the technician must see before leaving. */
function closeWhen({ diagnosis, reading, thresholds: t }: DispatchInput): CloseCondition[] {
  const out: CloseCondition[] = [
    { measure: 'DS_POWER', min: t.dsPower.textbookMin, max: t.dsPower.textbookMax, unit: 'dBmV' },
    { measure: 'DS_SNR', min: t.dsSnr.qam256.textbook, unit: 'dB' },
    { measure: 'US_TX_POWER', min: t.usTxPower.lowMarginal, ...usTxMax(reading, t), unit: 'dBmV' },
  ];
  if (reading.reachable && reading.ofdm.length > 0) {
    out.push({ measure: 'OFDM_MER', min: t.ofdmMer.textbook, unit: 'dB' });
  }
  out.push(
    { measure: 'UNCORRECTABLE_RATIO', max: t.codewords.uncorrectableMarginal, unit: 'ratio' },
    { measure: 'T3_T4_TIMEOUTS', max: 0, unit: 'count' },
  );
  if (diagnosis.preEq) {
    out.push({ measure: 'US_PRE_EQ_MTR', min: t.preEq.mtrTextbookDb, unit: 'dB' });
  }
  return out;
}

/** The highest textbook transmit level for the modem's generation and bonded upstreams; unknown for a silent modem. */
function usTxMax(reading: ModemReading, t: ThresholdsProfile): { max?: number } {
  if (!reading.reachable || reading.upstream.length === 0) {
    return {};
  }
  if (reading.docsisVersion === '3.1') {
    return { max: t.usTxPower.docsis31TextbookMax };
  }
  const bonded = String(
    Math.min(5, reading.upstream.length),
  ) as keyof ThresholdsProfile['usTxPower']['docsis30Pmax'];
  return { max: t.usTxPower.docsis30Pmax[bonded] - t.usTxPower.docsis30MarginDb };
}
