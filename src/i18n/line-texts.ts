import type {
  Action,
  CpeDevice,
  Diagnosis,
  FaultLocation,
  Finding,
  NotChecked,
  NotCheckedCode,
  SubKind,
} from '../domain/diagnosis';
import type { BringItem, Dispatch, FirstCheck } from '../domain/dispatch';
import type { TimelineEvent, TimelineEventKind } from '../diagnosis/timeline';
import type { MessageKey, Say } from './messages';

// The words of a line's answer, made at answer time from its machine fields (verdict, sub-kinds, action, each
// finding's code, severity, channel, observed, limit and unit, the node counts, the dispatch decision) in the
// caller's language. The stored diagnosis keeps its English `summary` and `message`s as they were written.

/** The call situations a line's answer can be in: each has its headline (for the agent) and words for the caller. */
export const LINE_CASES = [
  'TEXTBOOK',
  'MARGINAL',
  'LINE_FAULT',
  'LINE_FAULT_REMOTE_FIX',
  'NODE_WIDE',
  'FLAPPING',
  'FLAPPING_SWAP_MODEM',
  'MODEM_OFFLINE',
  'PLANT_OUTAGE',
  'PROVISIONING',
  'REGISTERING',
  'NEIGHBOURS_UNKNOWN',
  'SILENCE_BURST',
  'ONLINE_UNMANAGED',
  'NOT_ENOUGH_DATA',
] as const;
export type LineCase = (typeof LINE_CASES)[number];

/** One sentence for the agent: the state of the line. */
const HEADLINE: Readonly<Record<LineCase, MessageKey>> = {
  TEXTBOOK: 'diagnosis.headline.TEXTBOOK',
  MARGINAL: 'diagnosis.headline.MARGINAL',
  LINE_FAULT: 'diagnosis.headline.LINE_FAULT',
  LINE_FAULT_REMOTE_FIX: 'diagnosis.headline.LINE_FAULT_REMOTE_FIX',
  NODE_WIDE: 'diagnosis.headline.NODE_WIDE',
  FLAPPING: 'diagnosis.headline.FLAPPING',
  FLAPPING_SWAP_MODEM: 'diagnosis.headline.FLAPPING_SWAP_MODEM',
  MODEM_OFFLINE: 'diagnosis.headline.MODEM_OFFLINE',
  PLANT_OUTAGE: 'diagnosis.headline.PLANT_OUTAGE',
  PROVISIONING: 'diagnosis.headline.PROVISIONING',
  REGISTERING: 'diagnosis.headline.REGISTERING',
  NEIGHBOURS_UNKNOWN: 'diagnosis.headline.NEIGHBOURS_UNKNOWN',
  SILENCE_BURST: 'diagnosis.headline.SILENCE_BURST',
  ONLINE_UNMANAGED: 'diagnosis.headline.ONLINE_UNMANAGED',
  NOT_ENOUGH_DATA: 'diagnosis.headline.NOT_ENOUGH_DATA',
};
/** What to tell the caller, in plain words (no units, no codes). */
const TELL_CUSTOMER: Readonly<Record<LineCase, MessageKey>> = {
  TEXTBOOK: 'diagnosis.tellCustomer.TEXTBOOK',
  MARGINAL: 'diagnosis.tellCustomer.MARGINAL',
  LINE_FAULT: 'diagnosis.tellCustomer.LINE_FAULT',
  LINE_FAULT_REMOTE_FIX: 'diagnosis.tellCustomer.LINE_FAULT_REMOTE_FIX',
  NODE_WIDE: 'diagnosis.tellCustomer.NODE_WIDE',
  FLAPPING: 'diagnosis.tellCustomer.FLAPPING',
  FLAPPING_SWAP_MODEM: 'diagnosis.tellCustomer.FLAPPING_SWAP_MODEM',
  MODEM_OFFLINE: 'diagnosis.tellCustomer.MODEM_OFFLINE',
  PLANT_OUTAGE: 'diagnosis.tellCustomer.PLANT_OUTAGE',
  PROVISIONING: 'diagnosis.tellCustomer.PROVISIONING',
  REGISTERING: 'diagnosis.tellCustomer.REGISTERING',
  NEIGHBOURS_UNKNOWN: 'diagnosis.tellCustomer.NEIGHBOURS_UNKNOWN',
  SILENCE_BURST: 'diagnosis.tellCustomer.SILENCE_BURST',
  ONLINE_UNMANAGED: 'diagnosis.tellCustomer.ONLINE_UNMANAGED',
  NOT_ENOUGH_DATA: 'diagnosis.tellCustomer.NOT_ENOUGH_DATA',
};
/** A finding for the agent and the NOC, with its numbers. */
const FINDING_TECHNICAL: Readonly<Record<SubKind, MessageKey>> = {
  LOW_DS_POWER: 'diagnosis.finding.LOW_DS_POWER',
  HIGH_DS_POWER: 'diagnosis.finding.HIGH_DS_POWER',
  LOW_DS_SNR: 'diagnosis.finding.LOW_DS_SNR',
  DS_TILT: 'diagnosis.finding.DS_TILT',
  HIGH_US_POWER: 'diagnosis.finding.HIGH_US_POWER',
  LOW_US_POWER: 'diagnosis.finding.LOW_US_POWER',
  OFDMA_TX_POWER: 'diagnosis.finding.OFDMA_TX_POWER',
  EXCESSIVE_UNCORRECTABLES: 'diagnosis.finding.EXCESSIVE_UNCORRECTABLES',
  HIGH_CORRECTED: 'diagnosis.finding.HIGH_CORRECTED',
  T3_T4_TIMEOUTS: 'diagnosis.finding.T3_T4_TIMEOUTS',
  PARTIAL_SERVICE_DS: 'diagnosis.finding.PARTIAL_SERVICE_DS',
  PARTIAL_SERVICE_US: 'diagnosis.finding.PARTIAL_SERVICE_US',
  OFDM_LOW_MER: 'diagnosis.finding.OFDM_LOW_MER',
  OFDM_POWER: 'diagnosis.finding.OFDM_POWER',
  US_RX_OFFSET: 'diagnosis.finding.US_RX_OFFSET',
  LOW_US_SNR: 'diagnosis.finding.LOW_US_SNR',
  REGISTRATION_RF_FAILURE: 'diagnosis.finding.REGISTRATION_RF_FAILURE',
  SERVICE_GROUP_OUTAGE: 'diagnosis.finding.SERVICE_GROUP_OUTAGE',
  CM_SNMP_UNREACHABLE_BUT_ONLINE: 'diagnosis.finding.CM_SNMP_UNREACHABLE_BUT_ONLINE',
  NODE_WIDE: 'diagnosis.finding.NODE_WIDE',
  RF_REINIT: 'diagnosis.finding.RF_REINIT',
  DEVICE_REBOOTS: 'diagnosis.finding.DEVICE_REBOOTS',
  NO_POWER_OR_DISCONNECTED: 'diagnosis.finding.NO_POWER_OR_DISCONNECTED',
  ACCESS_DENIED: 'diagnosis.finding.ACCESS_DENIED',
  FORWARDING_DISABLED: 'diagnosis.finding.FORWARDING_DISABLED',
  NO_CPE_DETECTED: 'diagnosis.finding.NO_CPE_DETECTED',
  FEC_WINDOW_RESET: 'diagnosis.finding.FEC_WINDOW_RESET',
  NO_RESPONSE: 'diagnosis.finding.NO_RESPONSE',
  REGISTRATION_IN_PROGRESS: 'diagnosis.finding.REGISTRATION_IN_PROGRESS',
  NEIGHBOURS_UNKNOWN: 'diagnosis.finding.NEIGHBOURS_UNKNOWN',
  SILENCE_BURST: 'diagnosis.finding.SILENCE_BURST',
  CMTS_NO_EVIDENCE: 'diagnosis.finding.CMTS_NO_EVIDENCE',
  US_MICRO_REFLECTION: 'diagnosis.finding.US_MICRO_REFLECTION',
  US_GROUP_DELAY: 'diagnosis.finding.US_GROUP_DELAY',
  OFDM_MER_SPREAD: 'diagnosis.finding.OFDM_MER_SPREAD',
  DS_MICRO_REFLECTION: 'diagnosis.finding.DS_MICRO_REFLECTION',
  DS_GROUP_DELAY: 'diagnosis.finding.DS_GROUP_DELAY',
  OFDMA_PRE_EQ_NOT_APPLIED: 'diagnosis.finding.OFDMA_PRE_EQ_NOT_APPLIED',
};
/** A finding in plain words for the caller. */
const FINDING_CUSTOMER: Readonly<Record<SubKind, MessageKey>> = {
  LOW_DS_POWER: 'diagnosis.customer.LOW_DS_POWER',
  HIGH_DS_POWER: 'diagnosis.customer.HIGH_DS_POWER',
  LOW_DS_SNR: 'diagnosis.customer.LOW_DS_SNR',
  DS_TILT: 'diagnosis.customer.DS_TILT',
  HIGH_US_POWER: 'diagnosis.customer.HIGH_US_POWER',
  LOW_US_POWER: 'diagnosis.customer.LOW_US_POWER',
  OFDMA_TX_POWER: 'diagnosis.customer.OFDMA_TX_POWER',
  EXCESSIVE_UNCORRECTABLES: 'diagnosis.customer.EXCESSIVE_UNCORRECTABLES',
  HIGH_CORRECTED: 'diagnosis.customer.HIGH_CORRECTED',
  T3_T4_TIMEOUTS: 'diagnosis.customer.T3_T4_TIMEOUTS',
  PARTIAL_SERVICE_DS: 'diagnosis.customer.PARTIAL_SERVICE_DS',
  PARTIAL_SERVICE_US: 'diagnosis.customer.PARTIAL_SERVICE_US',
  OFDM_LOW_MER: 'diagnosis.customer.OFDM_LOW_MER',
  OFDM_POWER: 'diagnosis.customer.OFDM_POWER',
  US_RX_OFFSET: 'diagnosis.customer.US_RX_OFFSET',
  LOW_US_SNR: 'diagnosis.customer.LOW_US_SNR',
  REGISTRATION_RF_FAILURE: 'diagnosis.customer.REGISTRATION_RF_FAILURE',
  SERVICE_GROUP_OUTAGE: 'diagnosis.customer.SERVICE_GROUP_OUTAGE',
  CM_SNMP_UNREACHABLE_BUT_ONLINE: 'diagnosis.customer.CM_SNMP_UNREACHABLE_BUT_ONLINE',
  NODE_WIDE: 'diagnosis.customer.NODE_WIDE',
  RF_REINIT: 'diagnosis.customer.RF_REINIT',
  DEVICE_REBOOTS: 'diagnosis.customer.DEVICE_REBOOTS',
  NO_POWER_OR_DISCONNECTED: 'diagnosis.customer.NO_POWER_OR_DISCONNECTED',
  ACCESS_DENIED: 'diagnosis.customer.ACCESS_DENIED',
  FORWARDING_DISABLED: 'diagnosis.customer.FORWARDING_DISABLED',
  NO_CPE_DETECTED: 'diagnosis.customer.NO_CPE_DETECTED',
  FEC_WINDOW_RESET: 'diagnosis.customer.FEC_WINDOW_RESET',
  NO_RESPONSE: 'diagnosis.customer.NO_RESPONSE',
  REGISTRATION_IN_PROGRESS: 'diagnosis.customer.REGISTRATION_IN_PROGRESS',
  NEIGHBOURS_UNKNOWN: 'diagnosis.customer.NEIGHBOURS_UNKNOWN',
  SILENCE_BURST: 'diagnosis.customer.SILENCE_BURST',
  CMTS_NO_EVIDENCE: 'diagnosis.customer.CMTS_NO_EVIDENCE',
  US_MICRO_REFLECTION: 'diagnosis.customer.US_MICRO_REFLECTION',
  US_GROUP_DELAY: 'diagnosis.customer.US_GROUP_DELAY',
  OFDM_MER_SPREAD: 'diagnosis.customer.OFDM_MER_SPREAD',
  DS_MICRO_REFLECTION: 'diagnosis.customer.DS_MICRO_REFLECTION',
  DS_GROUP_DELAY: 'diagnosis.customer.DS_GROUP_DELAY',
  OFDMA_PRE_EQ_NOT_APPLIED: 'diagnosis.customer.OFDMA_PRE_EQ_NOT_APPLIED',
};
/** What could not be graded, for the agent. */
const NOT_CHECKED: Readonly<Record<NotCheckedCode, MessageKey>> = {
  REGISTRATION_STATE: 'diagnosis.notChecked.REGISTRATION_STATE',
  T3_T4_TIMEOUTS: 'diagnosis.notChecked.T3_T4_TIMEOUTS',
  RF_REINIT: 'diagnosis.notChecked.RF_REINIT',
  CODEWORDS: 'diagnosis.notChecked.CODEWORDS',
  CPE_PRESENCE: 'diagnosis.notChecked.CPE_PRESENCE',
  PRE_EQUALISATION: 'diagnosis.notChecked.PRE_EQUALISATION',
  PNM_SUMMARIES: 'diagnosis.notChecked.PNM_SUMMARIES',
};

/** What the agent (human or AI) does next for each action, in words fit to act on during the call. */
export const NEXT_STEP: Readonly<Record<Action, MessageKey>> = {
  CHECK_CUSTOMER_EQUIPMENT: 'diagnosis.nextStep.checkCustomerEquipment',
  REMOTE_FIX: 'diagnosis.nextStep.remoteFix',
  DISPATCH_TECHNICIAN: 'diagnosis.nextStep.dispatchTechnician',
  ESCALATE_TO_NOC: 'diagnosis.nextStep.escalateToNoc',
  CHECK_POWER_AND_CABLING: 'diagnosis.nextStep.checkPowerAndCabling',
  SWAP_MODEM: 'diagnosis.nextStep.swapModem',
  BACK_OFFICE: 'diagnosis.nextStep.backOffice',
  NO_DISPATCH: 'diagnosis.nextStep.noDispatch',
};

const FIRST_CHECK: Readonly<Record<FirstCheck, MessageKey>> = {
  CHECK_POWER_AT_MODEM: 'diagnosis.firstCheck.powerAtModem',
  CHECK_COAX_AT_MODEM: 'diagnosis.firstCheck.coaxAtModem',
  REMOTE_REBOOT: 'diagnosis.firstCheck.remoteReboot',
  TEST_WIRED_TO_MODEM: 'diagnosis.firstCheck.wiredToModem',
  MEASURE_AT_ENTRY_POINT: 'diagnosis.firstCheck.measureAtEntryPoint',
  CHECK_DROP_AND_GROUND_BLOCK: 'diagnosis.firstCheck.dropAndGroundBlock',
  CHECK_TAP_AND_AMPLIFIER: 'diagnosis.firstCheck.tapAndAmplifier',
  CHECK_NODE_ALARMS: 'diagnosis.firstCheck.nodeAlarms',
  CHECK_PROVISIONING: 'diagnosis.firstCheck.provisioning',
  RECHECK_LINE: 'diagnosis.firstCheck.recheckLine',
};

const BRING: Readonly<Record<BringItem, MessageKey>> = {
  PAD_ATTENUATOR: 'diagnosis.bring.padAttenuator',
  SPLITTER: 'diagnosis.bring.splitter',
  CONNECTORS: 'diagnosis.bring.connectors',
  DROP_CABLE: 'diagnosis.bring.dropCable',
  SPARE_MODEM: 'diagnosis.bring.spareModem',
};

/** The dispatch decision in a few sentences the agent can act on (the machine fields are in the structured result). */
export function dispatchSentence(d: Dispatch, say: Say): string {
  if (!d.needed) {
    return [
      say('diagnosis.dispatch.noVisit', { urgency: d.urgency }),
      ...(d.outage ? [say('diagnosis.dispatch.outage', { outage: d.outage })] : []),
    ].join(' ');
  }
  const c = d.confirmation;
  const w = d.visitWindow;
  const confirmed = c.confirmed
    ? c.by === 'HARD_FAULT'
      ? say('diagnosis.dispatch.confirmedHard')
      : say('diagnosis.dispatch.confirmedSeen', { readings: c.faultReadings, pattern: c.pattern })
    : c.recheckAt
      ? say('diagnosis.dispatch.unconfirmedRecheck', { recheckAt: new Date(c.recheckAt) })
      : say('diagnosis.dispatch.unconfirmed');
  const when = d.sameDayEligible
    ? say('diagnosis.dispatch.sameDay', { cutoff: w.sameDayCutoff, timeZone: w.timeZone })
    : w.earliestDate
      ? say('diagnosis.dispatch.earliest', {
          earliest: new Date(`${w.earliestDate}T00:00:00Z`),
          reason: w.reason,
          timeZone: w.timeZone,
        })
      : say('diagnosis.dispatch.earliestUnknown', { reason: w.reason, timeZone: w.timeZone });
  return [
    say('diagnosis.dispatch.visit', { urgency: d.urgency, skill: d.skill }),
    confirmed,
    when,
    ...(d.firstChecks.length > 0
      ? [
          say('diagnosis.dispatch.firstChecks', {
            checks: say.list(d.firstChecks.map((f) => say(FIRST_CHECK[f]))),
          }),
        ]
      : []),
    ...(d.bring.length > 0
      ? [say('diagnosis.dispatch.bring', { items: say.list(d.bring.map((b) => say(BRING[b]))) })]
      : []),
  ].join(' ');
}

/** A finding's two texts: for the agent and the NOC (with the numbers), and for the caller (plain words). */
export interface FindingTexts {
  technicalMessage: string;
  customerMessage: string;
}

/** What a line answer carries for people, in one language, next to its machine fields. */
export interface LineTexts {
  headline: string;
  customerMessage: string;
  nextStep: string;
  /** In the order of the diagnosis's findings. */
  findings: FindingTexts[];
  /** In the order of the diagnosis's notChecked. */
  notChecked: string[];
  location: string | null;
  dispatch: string | null;
}

/** What a line's answer holds that its texts are made from. */
export type TextSource = Pick<
  Diagnosis,
  'verdict' | 'subKinds' | 'action' | 'findings' | 'notChecked' | 'location' | 'neighbours'
> & {
  dispatch?: Dispatch;
  /** The devices behind the modem; null or absent when not read. */
  devices?: readonly CpeDevice[] | null;
};

export function lineCase(d: Pick<Diagnosis, 'verdict' | 'subKinds' | 'action'>): LineCase {
  const has = (k: SubKind): boolean => d.subKinds.includes(k);
  switch (d.verdict) {
    case 'TEXTBOOK_OK':
      return 'TEXTBOOK';
    case 'MARGINAL':
      return 'MARGINAL';
    case 'LINE_FAULT':
      return has('NODE_WIDE')
        ? 'NODE_WIDE'
        : d.action === 'REMOTE_FIX'
          ? 'LINE_FAULT_REMOTE_FIX'
          : 'LINE_FAULT';
    case 'FLAPPING':
      return has('NODE_WIDE') ? 'NODE_WIDE' : d.action === 'SWAP_MODEM' ? 'FLAPPING_SWAP_MODEM' : 'FLAPPING';
    case 'MODEM_OFFLINE':
      return 'MODEM_OFFLINE';
    case 'PLANT_OUTAGE':
      return 'PLANT_OUTAGE';
    case 'PROVISIONING_ISSUE':
      return 'PROVISIONING';
    case 'INSUFFICIENT_DATA':
      return has('REGISTRATION_IN_PROGRESS')
        ? 'REGISTERING'
        : has('SILENCE_BURST')
          ? 'SILENCE_BURST'
          : has('NEIGHBOURS_UNKNOWN')
            ? 'NEIGHBOURS_UNKNOWN'
            : has('CM_SNMP_UNREACHABLE_BUT_ONLINE')
              ? 'ONLINE_UNMANAGED'
              : 'NOT_ENOUGH_DATA';
  }
}

export function findingTexts(f: Finding, say: Say): FindingTexts {
  const c = f.channel;
  const channel = c
    ? say('diagnosis.channel', {
        direction: c.direction,
        kind: c.kind,
        id: c.channelId != null ? String(c.channelId) : `ifIndex ${c.ifIndex}`,
        frequency: Math.round(c.frequencyHz / 1_000) / 1_000,
      })
    : say('diagnosis.channel.modem');
  return {
    technicalMessage: say(FINDING_TECHNICAL[f.code], {
      channel,
      observed: f.observed,
      limit: f.limit,
      unit: f.unit,
      severity: f.severity,
    }),
    customerMessage: say(FINDING_CUSTOMER[f.code]),
  };
}

/** The devices behind the modem by make: "TP-Link, AVM and 1 device of unknown make"; null when there are none. */
function deviceNames(
  devices: readonly CpeDevice[] | null | undefined,
  say: Say,
): { all: string; named: string } | null {
  const distinct = [...new Map((devices ?? []).map((d) => [d.mac.toLowerCase(), d])).values()];
  if (distinct.length === 0) {
    return null;
  }
  const vendors = [...new Set(distinct.flatMap((d) => (d.vendor ? [d.vendor] : [])))];
  const unknown = distinct.filter((d) => !d.vendor).length;
  const all = [
    ...vendors,
    ...(unknown > 0 ? [say('diagnosis.devices.unknownMake', { count: unknown })] : []),
  ];
  return { all: say.list(all), named: say.list(vendors) };
}

function headline(d: TextSource, lc: LineCase, say: Say): string {
  const n = d.neighbours;
  const count = (severity: Finding['severity']): number =>
    d.findings.filter((f) => f.severity === severity && f.code !== 'NODE_WIDE').length;
  switch (lc) {
    case 'TEXTBOOK': {
      const devices = deviceNames(d.devices, say);
      return devices
        ? say('diagnosis.headline.TEXTBOOK_DEVICES', { devices: devices.all })
        : say(HEADLINE.TEXTBOOK);
    }
    case 'MARGINAL':
      return say(HEADLINE.MARGINAL, { count: count('MARGINAL') });
    case 'LINE_FAULT':
      return say(HEADLINE.LINE_FAULT, { count: count('FAULT') });
    case 'MODEM_OFFLINE':
      return n
        ? say('diagnosis.headline.MODEM_OFFLINE_COUNTED', {
            online: n.others - n.othersOffline,
            others: n.others,
          })
        : say(HEADLINE.MODEM_OFFLINE);
    case 'PLANT_OUTAGE':
      return n
        ? say('diagnosis.headline.PLANT_OUTAGE_COUNTED', { offline: n.othersOffline, others: n.others })
        : say(HEADLINE.PLANT_OUTAGE);
    case 'SILENCE_BURST':
      return say(HEADLINE.SILENCE_BURST, {
        count: d.findings.find((f) => f.code === 'SILENCE_BURST')?.observed ?? 0,
      });
    default:
      return say(HEADLINE[lc]);
  }
}

function tellCustomer(d: TextSource, lc: LineCase, say: Say): string {
  const devices = lc === 'TEXTBOOK' ? deviceNames(d.devices, say) : null;
  return devices && devices.named !== ''
    ? say('diagnosis.tellCustomer.TEXTBOOK_ROUTER', { router: devices.named })
    : say(TELL_CUSTOMER[lc]);
}

function locationText(d: TextSource, say: Say): string | null {
  const l = d.location;
  if (l == null) {
    return null;
  }
  return l.distanceM != null
    ? say('diagnosis.location.distance', {
        place: l.place,
        confidence: l.confidence,
        distance: Math.round(l.distanceM),
      })
    : say('diagnosis.location', { place: l.place, confidence: l.confidence });
}

/** Every text of a line's answer in one language, from its machine fields. */
export function lineTexts(d: TextSource, say: Say): LineTexts {
  const lc = lineCase(d);
  return {
    headline: headline(d, lc, say),
    customerMessage: tellCustomer(d, lc, say),
    nextStep: say(NEXT_STEP[d.action]),
    findings: d.findings.map((f) => findingTexts(f, say)),
    notChecked: d.notChecked.map((n) => say(NOT_CHECKED[n.code])),
    location: locationText(d, say),
    dispatch: d.dispatch ? dispatchSentence(d.dispatch, say) : null,
  };
}

/** A line answer with its texts in the language of `say`: the machine fields unchanged, the texts beside them. */
export function withLineTexts<D extends TextSource>(d: D, say: Say): WithLineTexts<D> {
  const t = lineTexts(d, say);
  const texts = {
    language: say.lang,
    headline: t.headline,
    customerMessage: t.customerMessage,
    nextStep: t.nextStep,
  };
  // The texts right after the verdict and action they speak for, where a person reading the JSON looks first.
  const entries = Object.entries(d).flatMap(([k, v]) =>
    k === 'action' ? [[k, v], ...Object.entries(texts)] : [[k, v]],
  );
  return {
    ...(Object.fromEntries(entries) as D & typeof texts),
    findings: d.findings.map((f, i) => ({ ...f, ...t.findings[i] })),
    notChecked: d.notChecked.map((n, i) => ({ ...n, text: t.notChecked[i] })),
    ...(d.location && { location: { ...d.location, text: t.location ?? '' } }),
    ...(d.dispatch && { dispatch: { ...d.dispatch, text: t.dispatch ?? '' } }),
  };
}

export type WithLineTexts<D extends TextSource> = Omit<
  D,
  'findings' | 'notChecked' | 'location' | 'dispatch'
> & {
  language: Say['lang'];
  headline: string;
  customerMessage: string;
  nextStep: string;
  findings: (Finding & FindingTexts)[];
  notChecked: (NotChecked & { text: string })[];
  location?: FaultLocation & { text: string };
  dispatch?: Dispatch & { text: string };
};

/** What a timeline event says, by kind; the modem's own log words its REBOOT and REREGISTRATION like the readings. */
const TIMELINE: Readonly<Record<TimelineEventKind, MessageKey>> = {
  VERDICT_CHANGED: 'diagnosis.timeline.VERDICT_CHANGED',
  BACK_ONLINE: 'diagnosis.timeline.BACK_ONLINE',
  WENT_OFFLINE: 'diagnosis.timeline.WENT_OFFLINE',
  REBOOT: 'diagnosis.timeline.REBOOT',
  REREGISTRATION: 'diagnosis.timeline.REREGISTRATION',
  T3_TIMEOUT: 'diagnosis.timeline.T3_TIMEOUT',
  T4_TIMEOUT: 'diagnosis.timeline.T4_TIMEOUT',
  RANGING_FAILED: 'diagnosis.timeline.RANGING_FAILED',
  SYNC_LOSS: 'diagnosis.timeline.SYNC_LOSS',
  DHCP_FAILURE: 'diagnosis.timeline.DHCP_FAILURE',
  TOD_FAILURE: 'diagnosis.timeline.TOD_FAILURE',
  CONFIG_FILE_FAILURE: 'diagnosis.timeline.CONFIG_FILE_FAILURE',
  OTHER: 'diagnosis.timeline.OTHER',
};

/** A timeline event in one sentence from its machine fields (the modem's own log text stays as the modem wrote it). */
export function timelineEventText(
  e: Pick<TimelineEvent, 'kind' | 'source' | 'from' | 'to' | 'durationSec'> & {
    log?: { count: number | null; text: string | null };
  },
  say: Say,
): string {
  const event =
    e.kind === 'OTHER' && e.log?.text
      ? say('diagnosis.timeline.OTHER_TEXT', { text: e.log.text })
      : say(TIMELINE[e.kind], {
          source: e.source,
          from: e.from ?? '',
          to: e.to ?? '',
          minutes: Math.max(1, Math.round((e.durationSec ?? 0) / 60)),
        });
  const count = e.log?.count;
  return count != null && count > 1 ? say('diagnosis.timeline.logged', { event, count }) : event;
}

type TimelineEventInput = Parameters<typeof timelineEventText>[0];

/** A timeline (as the API gives it) with each event's sentence in the language of `say`. */
export function withTimelineTexts<
  T extends { events: readonly TimelineEventInput[]; untimed: readonly TimelineEventInput[] },
>(
  t: T,
  say: Say,
): Omit<T, 'events' | 'untimed'> & {
  language: Say['lang'];
  events: (T['events'][number] & { text: string })[];
  untimed: (T['untimed'][number] & { text: string })[];
} {
  return {
    ...t,
    language: say.lang,
    events: t.events.map((e) => ({ ...e, text: timelineEventText(e, say) })),
    untimed: t.untimed.map((e) => ({ ...e, text: timelineEventText(e, say) })),
  };
}
