import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_LEVELS, MODEM_EVENT_KINDS } from '../../diagnosis/modem-events';
import type { HistoryEventKind, TimelineEventKind } from '../../diagnosis/timeline';
import {
  ACTIONS,
  FAULT_PLACES,
  LOCATION_EVIDENCE,
  NOT_CHECKED_CODES,
  SUB_KINDS,
  VERDICTS,
} from '../../domain/diagnosis';
import { oneOfOrNull } from './error.response';
import { CALL_SCRIPTS, type CallScript } from '../../diagnosis/call-scripts';
import { withLineTexts, type TextSource } from '../../i18n/line-texts';
import { Messages } from '../../i18n/messages';
import { lineScripts } from '../../lines/call-script-texts';
import { BRING_ITEMS, CLOSE_MEASURES, FIRST_CHECKS, SKILLS, URGENCIES } from '../../domain/dispatch';

// Response schemas of the line endpoints (documentation only: the controllers return the domain types).

export const VERDICT = { enum: [...VERDICTS], enumName: 'Verdict' };
export const SUB_KIND = { enum: [...SUB_KINDS], enumName: 'SubKind' };
export const ACTION = { enum: [...ACTIONS], enumName: 'Action' };

/** A record, so the compiler insists on every kind timeline.ts has. */
const HISTORY_EVENT_KINDS: Record<HistoryEventKind, true> = {
  VERDICT_CHANGED: true,
  REBOOT: true,
  REREGISTRATION: true,
  WENT_OFFLINE: true,
  BACK_ONLINE: true,
};
const TIMELINE_EVENT_KINDS: readonly TimelineEventKind[] = [
  ...new Set<TimelineEventKind>([
    ...(Object.keys(HISTORY_EVENT_KINDS) as HistoryEventKind[]),
    ...MODEM_EVENT_KINDS,
  ]),
];

/** Modems per verdict; verdicts with no modem are left out. */
export class VerdictCountsResponse {}
for (const verdict of VERDICTS) {
  ApiPropertyOptional({ type: 'integer', minimum: 1 })(VerdictCountsResponse.prototype, verdict);
}

export class ChannelRefResponse {
  @ApiProperty({ enum: ['downstream', 'upstream'] }) direction!: 'downstream' | 'upstream';
  @ApiProperty({ enum: ['SC-QAM', 'OFDM', 'OFDMA'] }) kind!: 'SC-QAM' | 'OFDM' | 'OFDMA';
  @ApiProperty({ description: 'The channel ifIndex on the modem.', example: 77 }) ifIndex!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description:
      'The DOCSIS channel id; null when the modem names none (an upstream without docsIfUpChannelTable): ' +
      'the ifIndex is then all that is known.',
    example: 31,
  })
  channelId!: number | null;
  @ApiProperty({ description: 'Centre (SC-QAM) or PLC (OFDM) frequency.', example: 663000000 })
  frequencyHz!: number;
}

export class FindingResponse {
  @ApiProperty({ ...SUB_KIND, description: 'What was found.' }) code!: string;
  @ApiProperty({ enum: ['FAULT', 'MARGINAL', 'INFO'] }) severity!: 'FAULT' | 'MARGINAL' | 'INFO';
  @ApiPropertyOptional({
    type: () => ChannelRefResponse,
    description: 'The channel; absent for whole-modem findings (T3/T4 sums, flapping, provisioning).',
  })
  channel?: ChannelRefResponse;
  @ApiProperty({ description: 'The value measured.', example: 27 }) observed!: number;
  @ApiProperty({
    description: 'The band edge that was crossed (for INFO findings: the reference value).',
    example: 30,
  })
  limit!: number;
  @ApiProperty({
    enum: ['dBmV', 'dB', '%', 'count', 'count/24h', 'state', 'ns', 'dB/MHz'],
    description: 'ns and dB/MHz: group delay and amplitude slope of the DOCSIS 3.1 PNM summaries.',
    example: 'dB',
  })
  unit!: string;
  @ApiProperty({
    description:
      'The finding as the diagnosis wrote it (English, kept as stored); technicalMessage and customerMessage are ' +
      "the answer's language.",
    example: 'Downstream channel 31 (663 MHz, 256-QAM) has an SNR of 27 dB, below the 30 dB minimum.',
  })
  message!: string;
  @ApiProperty({
    description: "For the agent and the NOC, with the channel and the numbers, in the answer's language.",
    example: 'Downstream SC-QAM channel 31 (663 MHz): SNR 27 dB, below the minimum of 30 dB.',
  })
  technicalMessage!: string;
  @ApiProperty({
    description: "For the caller: plain words, no units, in the answer's language.",
    example: 'The signal reaching your modem is noisy.',
  })
  customerMessage!: string;
}

export class NotCheckedResponse {
  @ApiProperty({
    enum: [...NOT_CHECKED_CODES],
    enumName: 'NotCheckedCode',
    description:
      'The check that could not be made: REGISTRATION_STATE (the modem state, hence provisioning), T3_T4_TIMEOUTS (upstream timeout counters), RF_REINIT (cable ' +
      're-initialisations), CODEWORDS (codeword error ratios), CPE_PRESENCE (whether a device is behind the modem), ' +
      'PRE_EQUALISATION (upstream echoes and group delay, and with them where a fault is), PNM_SUMMARIES (a full ' +
      "poll's DOCSIS 3.1 PNM summaries of an OFDM or OFDMA channel: no row, or the measurement not sampleReady).",
  })
  code!: string;
  @ApiProperty({
    description: 'Which objects the modem did not answer, in a sentence for the agent or NOC.',
    example:
      'Upstream T3 timeouts, T4 timeouts, T3 retries exhausted (T3 exceeded) not read: the modem has no ' +
      'docsIf3CmStatusUsTable (and no docsIfCmStatus T3/T4 counters on its MAC interface).',
  })
  reason!: string;
  @ApiProperty({
    description: "The check that could not be made, for the agent, in the answer's language.",
    example: 'T3/T4 timeouts: not read.',
  })
  text!: string;
}

export class PreEqEchoResponse {
  @ApiProperty({
    description: 'Delay after the main tap, in taps (symbol periods), interpolated.',
    example: 1.96,
  })
  delayTaps!: number;
  @ApiProperty({ description: 'Level relative to the main tap (dBc).', example: -14.7 }) levelDbc!: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'One-way distance from the modem (m); null when the channel width was not read.',
    example: 50,
  })
  distanceM!: number | null;
}

export class PreEqSummaryResponse {
  @ApiProperty({ example: 4 }) ifIndex!: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 1 }) channelId!: number | null;
  @ApiProperty({ description: 'Main tap ratio (dB): >= 25 textbook, < 18 a fault (defaults).', example: 14 })
  mtrDb!: number;
  @ApiProperty({ enum: ['TEXTBOOK', 'MARGINAL', 'FAULT'] }) grade!: string;
  @ApiProperty({
    enum: ['NONE', 'GROUP_DELAY', 'MICRO_REFLECTION', 'GROUP_DELAY_AND_MICRO_REFLECTION', 'UNCLASSIFIED'],
  })
  distortion!: string;
  @ApiProperty({ type: () => PreEqEchoResponse, nullable: true, description: 'The resolvable echo, if any.' })
  echo!: PreEqEchoResponse | null;
  @ApiProperty({ description: 'Energy on both taps next to the main tap and nothing further out (in-home).' })
  shortEcho!: boolean;
}

export class LocationEvidenceResponse {
  @ApiProperty({ enum: [...LOCATION_EVIDENCE], enumName: 'LocationEvidenceCode' }) code!: string;
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'The measured value (dB, m, taps or a count).',
  })
  observed!: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: 'What it is compared with, if anything.' })
  limit!: number | null;
  @ApiProperty({ description: 'The fact in a sentence for the agent or NOC, with its numbers.' })
  message!: string;
}

export class LocationChannelResponse {
  @ApiProperty({ example: 4 }) ifIndex!: number;
  @ApiProperty({ type: 'integer', nullable: true, example: 1 }) channelId!: number | null;
}

export class FaultLocationResponse {
  @ApiProperty({
    enum: [...FAULT_PLACES],
    enumName: 'FaultPlace',
    description:
      'HOME: in-home wiring or splitters; DROP: the drop cable, its connectors or ground block; TAP_OR_AMPLIFIER: a ' +
      'tap or amplifier some of the node share; PLANT: the node (most of its modems share it); UNKNOWN: the evidence ' +
      'does not say.',
  })
  place!: string;
  @ApiProperty({ enum: ['LOW', 'MEDIUM', 'HIGH'] }) confidence!: string;
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'One-way distance from the modem (m).',
    example: 50,
  })
  distanceM!: number | null;
  @ApiProperty({ type: 'number', nullable: true, example: 164 }) distanceFt!: number | null;
  @ApiProperty({ type: () => LocationChannelResponse, nullable: true })
  channel!: LocationChannelResponse | null;
  @ApiProperty({ type: [String], description: 'Neighbours of the node that show the same echo (modem ids).' })
  sharedWith!: string[];
  @ApiProperty({
    description:
      'Neighbours compared with this modem: their coefficients, or for a level pattern their levels.',
    example: 5,
  })
  neighboursCompared!: number;
  @ApiProperty({ type: [LocationEvidenceResponse] }) evidence!: LocationEvidenceResponse[];
  @ApiProperty({
    description: 'Where the fault probably is, in one sentence for the agent (English, as stored).',
  })
  message!: string;
  @ApiPropertyOptional({
    description:
      "The answer's own location only: the place, confidence and distance in the answer's language.",
  })
  text?: string;
}

export class CloseConditionResponse {
  @ApiProperty({ enum: [...CLOSE_MEASURES], enumName: 'CloseMeasure' }) measure!: string;
  @ApiPropertyOptional({ description: 'Inclusive lower bound; absent: none.', example: -10 }) min?: number;
  @ApiPropertyOptional({ description: 'Inclusive upper bound; absent: none.', example: 10 }) max?: number;
  @ApiProperty({ enum: ['dBmV', 'dB', 'ratio', 'count'] }) unit!: string;
}

export class ConfirmationResponse {
  @ApiProperty({ description: 'Seen often enough to spend a technician slot on.' }) confirmed!: boolean;
  @ApiProperty({
    enum: ['HARD_FAULT', 'SEEN_TWICE', null],
    nullable: true,
    description:
      'HARD_FAULT: one reading is enough (offline at the CMTS, no transmit headroom); SEEN_TWICE: two readings.',
  })
  by!: string | null;
  @ApiProperty({
    description: 'Readings in the confirmation window that showed a fault, this one included.',
    example: 2,
  })
  faultReadings!: number;
  @ApiProperty({ description: 'Readings in the confirmation window.', example: 3 }) readings!: number;
  @ApiProperty({
    enum: ['CONTINUOUS', 'INTERMITTENT', 'SINGLE_READING'],
    description: 'INTERMITTENT: good readings came between the faults.',
  })
  pattern!: string;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'When an unconfirmed fault is polled again (epoch ms); null when nothing is scheduled.',
  })
  recheckAt!: number | null;
}

export class VisitWindowResponse {
  @ApiProperty({ example: 'Europe/Warsaw' }) timeZone!: string;
  @ApiProperty({ example: '13:30', description: 'Local cut-off for a same-day slot.' })
  sameDayCutoff!: string;
  @ApiProperty({
    type: 'string',
    format: 'date',
    nullable: true,
    description: 'Local date of the earliest visit; null without a visit.',
    example: '2026-12-04',
  })
  earliestDate!: string | null;
  @ApiProperty({ enum: ['BEFORE_CUTOFF', 'AFTER_CUTOFF', 'NOT_A_WORKING_DAY', 'NOT_URGENT', 'NO_VISIT'] })
  reason!: string;
}

export class DispatchResponse {
  @ApiProperty({ description: 'A technician should visit the home.' }) needed!: boolean;
  @ApiProperty({
    enum: [...URGENCIES],
    enumName: 'Urgency',
    description: 'NOC_ONLY: a node outage or node-wide fault (no house call).',
  })
  urgency!: string;
  @ApiProperty({
    description: 'A same-day slot is realistic now (SAME_DAY, a working day, before the cut-off).',
  })
  sameDayEligible!: boolean;
  @ApiProperty({ type: () => VisitWindowResponse }) visitWindow!: VisitWindowResponse;
  @ApiProperty({ enum: ['OUT_OF_SERVICE', 'DEGRADED', null], nullable: true }) impact!: string | null;
  @ApiProperty({ enum: [...SKILLS], enumName: 'Skill' }) skill!: string;
  @ApiProperty({
    ...oneOfOrNull(FaultLocationResponse),
    description: 'From the fault locator; null without one.',
  })
  location!: FaultLocationResponse | null;
  @ApiProperty({ enum: [...BRING_ITEMS], enumName: 'BringItem', isArray: true }) bring!: string[];
  @ApiProperty({ enum: [...FIRST_CHECKS], enumName: 'FirstCheck', isArray: true }) firstChecks!: string[];
  @ApiProperty({
    type: [CloseConditionResponse],
    description: 'Levels to reach on every channel before closing.',
  })
  closeWhen!: CloseConditionResponse[];
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'The node outage this call belongs to (`<cmtsId>/<node>`): one ticket for its calls.',
    example: 'cmts-1/1000.2',
  })
  outage!: string | null;
  @ApiProperty({ type: () => ConfirmationResponse }) confirmation!: ConfirmationResponse;
  @ApiProperty({
    description: "The decision in a few sentences for the agent, in the answer's language.",
  })
  text!: string;
}

const DS_SNR_CLOSE = [
  { measure: 'DS_POWER', min: -10, max: 10, unit: 'dBmV' },
  { measure: 'DS_SNR', min: 30, unit: 'dB' },
  { measure: 'US_TX_POWER', min: 35, max: 50, unit: 'dBmV' },
  { measure: 'UNCORRECTABLE_RATIO', max: 0.0001, unit: 'ratio' },
  { measure: 'T3_T4_TIMEOUTS', max: 0, unit: 'count' },
];

const LINE_FAULT_EXAMPLE = {
  modemId: 'sim-cm-00031',
  verdict: 'LINE_FAULT',
  subKinds: ['LOW_DS_SNR'],
  action: 'DISPATCH_TECHNICIAN',
  summary:
    'Line fault: Downstream channel 31 (663 MHz, 256-QAM) has an SNR of 27 dB, below the 30 dB minimum. ' +
    'Dispatch a technician.',
  findings: [
    {
      code: 'LOW_DS_SNR',
      severity: 'FAULT',
      channel: {
        direction: 'downstream',
        kind: 'SC-QAM',
        ifIndex: 77,
        channelId: 31,
        frequencyHz: 663000000,
      },
      observed: 27,
      limit: 30,
      unit: 'dB',
      message: 'Downstream channel 31 (663 MHz, 256-QAM) has an SNR of 27 dB, below the 30 dB minimum.',
    },
    {
      code: 'LOW_DS_SNR',
      severity: 'FAULT',
      channel: {
        direction: 'downstream',
        kind: 'SC-QAM',
        ifIndex: 78,
        channelId: 32,
        frequencyHz: 669000000,
      },
      observed: 27,
      limit: 30,
      unit: 'dB',
      message: 'Downstream channel 32 (669 MHz, 256-QAM) has an SNR of 27 dB, below the 30 dB minimum.',
    },
  ],
  notChecked: [],
  neighbours: {
    cmtsId: 'sim-cmts-1',
    node: '1000.2',
    groupedBy: 'serviceGroup',
    others: 31,
    othersOffline: 0,
    observedAt: 1764076450000,
  },
  devices: [],
  observedAt: '2026-11-25T13:14:10.265Z',
  ageSec: 0,
  source: 'live',
  thresholdsProfile: 'docsis-default',
  dispatch: {
    needed: true,
    urgency: 'NEXT_AVAILABLE',
    sameDayEligible: false,
    visitWindow: {
      timeZone: 'Europe/Warsaw',
      sameDayCutoff: '13:30',
      earliestDate: '2026-11-26',
      reason: 'NOT_URGENT',
    },
    impact: 'DEGRADED',
    skill: 'INSTALL_TECH',
    location: null,
    bring: ['CONNECTORS', 'SPLITTER', 'DROP_CABLE'],
    firstChecks: ['MEASURE_AT_ENTRY_POINT', 'CHECK_DROP_AND_GROUND_BLOCK'],
    closeWhen: DS_SNR_CLOSE,
    outage: null,
    confirmation: {
      confirmed: true,
      by: 'SEEN_TWICE',
      faultReadings: 2,
      readings: 2,
      pattern: 'CONTINUOUS',
      recheckAt: null,
    },
  },
};

const TEXTBOOK_OK_EXAMPLE = {
  modemId: 'sim-cm-00003',
  verdict: 'TEXTBOOK_OK',
  subKinds: [],
  action: 'CHECK_CUSTOMER_EQUIPMENT',
  summary:
    'Line and modem are within spec; a Ubiquiti router is connected: have the customer test with a computer ' +
    'wired directly to the modem, bypassing the router.',
  findings: [],
  notChecked: [],
  devices: [{ mac: '24:a4:3c:01:02:03', vendor: 'Ubiquiti' }],
  observedAt: '2026-11-25T10:43:27.770Z',
  ageSec: 42,
  source: 'cache',
  thresholdsProfile: 'docsis-default',
  dispatch: {
    needed: false,
    urgency: 'NONE',
    sameDayEligible: false,
    visitWindow: {
      timeZone: 'Europe/Warsaw',
      sameDayCutoff: '13:30',
      earliestDate: null,
      reason: 'NO_VISIT',
    },
    impact: null,
    skill: 'NONE',
    location: null,
    bring: [],
    firstChecks: ['TEST_WIRED_TO_MODEM'],
    closeWhen: [],
    outage: null,
    confirmation: {
      confirmed: false,
      by: null,
      faultReadings: 0,
      readings: 1,
      pattern: 'SINGLE_READING',
      recheckAt: null,
    },
  },
};

// The examples' texts are made by the code that makes the answers', in English.
const english = new Messages({ defaultLanguage: 'en', timeZone: 'Europe/Warsaw' }).in('en');
export const LINE_FAULT_DIAGNOSIS = {
  ...withLineTexts(LINE_FAULT_EXAMPLE as unknown as TextSource, english),
  scripts: lineScripts('LINE_FAULT', ['internet', 'tv'], english),
};
export const TEXTBOOK_OK_DIAGNOSIS = {
  ...withLineTexts(TEXTBOOK_OK_EXAMPLE as unknown as TextSource, english),
  scripts: lineScripts('TEXTBOOK_OK', ['internet', 'tv'], english),
};

export class CpeDeviceResponse {
  @ApiProperty({ example: '24:a4:3c:01:02:03' }) mac!: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'From the IEEE OUI; null when unknown.',
    example: 'Ubiquiti',
  })
  vendor!: string | null;
}

export class NodeCountResponse {
  @ApiProperty({ example: 'sim-cmts-1' }) cmtsId!: string;
  @ApiProperty({
    description: 'The node id: `<MdIfIndex>.<MdCmSgId>`, or `us:<ifIndexes>`.',
    example: '1000.2',
  })
  node!: string;
  @ApiProperty({ enum: ['serviceGroup', 'upstreamChannels'] }) groupedBy!: string;
  @ApiProperty({ description: 'Other modems of the node.', example: 31 }) others!: number;
  @ApiProperty({ description: 'Of those, not online at the CMTS.', example: 2 }) othersOffline!: number;
  @ApiProperty({ description: 'When the CMTS showed these counts (epoch ms).' }) observedAt!: number;
}

export class CallScriptResponse {
  @ApiProperty({ enum: [...CALL_SCRIPTS], enumName: 'CallScript', example: 'SERVICE_NOT_SUBSCRIBED' })
  code!: CallScript;
  @ApiProperty({
    description: 'For the agent’s eye, in the request’s language (Accept-Language).',
    example: 'A service the customer does not have with us',
  })
  title!: string;
  @ApiProperty({
    description: 'What the agent reads out to the customer, in the request’s language.',
    example:
      'I can see that this service is not part of your contract with us at this address, so I cannot check it ' +
      'from here. If you have it from another provider, their customer service will help you. If you would like ' +
      'to have it from us, I can put you through to our sales team.',
  })
  text!: string;
}

export class LineDiagnosisResponse {
  @ApiProperty({ example: 'sim-cm-00031' }) modemId!: string;
  @ApiProperty({ ...VERDICT, description: 'The one answer for the line.' }) verdict!: string;
  @ApiProperty({ ...SUB_KIND, isArray: true, description: 'What kinds of problem the verdict rests on.' })
  subKinds!: string[];
  @ApiProperty({ ...ACTION, description: 'What the agent should do next.' }) action!: string;
  @ApiProperty({
    description: 'The verdict and the action as the diagnosis wrote them (English, kept as stored).',
  })
  summary!: string;
  @ApiProperty({
    enum: ['en', 'pl'],
    description: 'The language of the texts below: from Accept-Language, else DEFAULT_LANGUAGE.',
  })
  language!: string;
  @ApiProperty({ description: 'The state of the line in one sentence, for the agent.' }) headline!: string;
  @ApiProperty({ description: 'What to tell the caller, in plain words (no units, no codes).' })
  customerMessage!: string;
  @ApiProperty({ description: 'What the agent does now.' }) nextStep!: string;
  @ApiProperty({
    type: [CallScriptResponse],
    description:
      "Short texts to read out when the call is not about the line, chosen from the verdict and the customer's " +
      "services (most fitting first), in the answer's language.",
  })
  scripts!: CallScriptResponse[];
  @ApiProperty({ type: [FindingResponse], description: 'The evidence: channel, value and limit.' })
  findings!: FindingResponse[];
  @ApiProperty({
    type: [NotCheckedResponse],
    description:
      'What could not be graded because the modem did not answer the objects it needs ("not read" is never ' +
      'graded as 0); empty when everything was read.',
  })
  notChecked!: NotCheckedResponse[];
  @ApiPropertyOptional({
    type: () => PreEqSummaryResponse,
    description: "The worst upstream channel's pre-equalisation; absent when no coefficients were read.",
  })
  preEq?: PreEqSummaryResponse;
  @ApiPropertyOptional({
    type: () => FaultLocationResponse,
    description:
      'Where the fault probably is: on every LINE_FAULT and MARGINAL answer of a modem that answered.',
  })
  location?: FaultLocationResponse;
  @ApiPropertyOptional({
    type: () => NodeCountResponse,
    description: "The modem's node as its CMTS showed it to the diagnosis; absent when no node was known.",
  })
  neighbours?: NodeCountResponse;
  @ApiProperty({
    type: [CpeDeviceResponse],
    nullable: true,
    description:
      'The devices behind the modem (its bridge table); null when not read or the modem was silent.',
  })
  devices!: CpeDeviceResponse[] | null;
  @ApiProperty({ format: 'date-time', description: 'When the modem was read.' }) observedAt!: string;
  @ApiProperty({ description: 'Age of the reading at answer time, seconds.', example: 0 }) ageSec!: number;
  @ApiProperty({
    enum: ['live', 'cache'],
    description: 'live: polled for this request; cache: a reading younger than maxAgeSec was reused.',
  })
  source!: 'live' | 'cache';
  @ApiProperty({
    description: 'The threshold profile the reading was graded against.',
    example: 'docsis-default',
  })
  thresholdsProfile!: string;
  @ApiPropertyOptional({
    type: () => DispatchResponse,
    description:
      'What the diagnosis asks of the field as of this answer: whether to send someone, how soon (by the ' +
      "operator's cut-off and working days), whom, with what, the levels to close on, and whether the fault is " +
      'confirmed. Absent only on answers that are not about one line (sweeps).',
  })
  dispatch?: DispatchResponse;
}

export class HistoryEntryResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Whether the modem answered the poll.' }) reachable!: boolean;
  @ApiPropertyOptional({ description: 'When the CMTS last saw the modem register, epoch ms.' })
  lastRegAt?: number;
  @ApiPropertyOptional({
    description: 'CMTS registration state (docsIf3CmtsCmRegStatusValue), 8 = operational.',
  })
  cmtsRegState?: number;
  @ApiPropertyOptional() uptimeSec?: number;
  @ApiPropertyOptional({ description: 'Modem status (CmRegState), 12 = operational.' }) statusValue?: number;
  @ApiPropertyOptional({ description: 'Absent when the modem did not answer a resets counter.' })
  resets?: number;
  @ApiPropertyOptional({ description: 'T3 timeouts, summed over the upstream channels.' }) t3?: number;
  @ApiPropertyOptional({ description: 'T4 timeouts, summed over the upstream channels.' }) t4?: number;
  @ApiPropertyOptional({ description: 'T3 retries exhausted; absent (like t3, t4) when not read.' })
  t3Exceeded?: number;
  @ApiPropertyOptional({ ...VERDICT }) verdict?: string;
}

export class HistoryResponse {
  @ApiProperty({ example: 'sim-cm-00031' }) modemId!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
  @ApiProperty({ type: [HistoryEntryResponse], description: 'Oldest first.' })
  entries!: HistoryEntryResponse[];
}

const TIMELINE_SOURCE = {
  enum: ['linecheck', 'modemLog'],
  enumName: 'TimelineSource',
  description:
    "linecheck: Linecheck's own readings (its history) show it; modemLog: the modem's own event log.",
};
const LOGGED_AT = { type: String, format: 'date-time', nullable: true } as const;

export class ModemLogEntryResponse {
  @ApiProperty({ description: 'docsDevEvIndex: the order of the modem’s log.', example: 7 }) index!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'docsDevEvId; null: not read.',
    example: 82000200,
  })
  eventId!: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'docsDevEvLevel, emergency(1) .. debug(8); null: not read.',
    example: 3,
  })
  level!: number | null;
  @ApiProperty({
    type: String,
    enum: [...EVENT_LEVELS],
    nullable: true,
    description: 'docsDevEvLevel by name; null: not read.',
    example: 'critical',
  })
  levelName!: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'docsDevEvCounts: how often the modem logged it between firstAt and lastAt; null: not read.',
    example: 12,
  })
  count!: number | null;
  @ApiProperty({ ...LOGGED_AT, description: 'docsDevEvFirstTime; null: the modem had no time of day then.' })
  firstAt!: string | null;
  @ApiProperty({ ...LOGGED_AT, description: 'docsDevEvLastTime; null: the modem had no time of day then.' })
  lastAt!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'docsDevEvText as the modem logged it; null: not read.',
    example:
      'No Ranging Response received - T3 time-out;CM-MAC=00:1d:cd:00:00:1f;CMTS-MAC=00:17:10:00:00:01;',
  })
  text!: string | null;
}

export class TimelineEventResponse {
  @ApiProperty({
    format: 'date-time',
    description:
      'linecheck: the time of the history entry that shows the event. modemLog: its last occurrence (else its first).',
  })
  at!: string;
  @ApiProperty({
    enum: [...TIMELINE_EVENT_KINDS],
    enumName: 'TimelineEventKind',
    description:
      'From Linecheck’s history: VERDICT_CHANGED, REBOOT, REREGISTRATION, WENT_OFFLINE, BACK_ONLINE. From the ' +
      `modem's log: ${MODEM_EVENT_KINDS.join(', ')} (REBOOT and REREGISTRATION come from either).`,
  })
  kind!: string;
  @ApiProperty(TIMELINE_SOURCE) source!: string;
  @ApiProperty({ description: 'A short sentence saying what the history or the log shows.' })
  evidence!: string;
  @ApiProperty({
    description:
      "The event in one sentence in the answer's language (the modem's own log text stays as logged).",
    example: 'The modem restarted.',
  })
  text!: string;
  @ApiPropertyOptional({ description: 'VERDICT_CHANGED: the verdict before.' }) from?: string;
  @ApiPropertyOptional({ description: 'VERDICT_CHANGED: the verdict after.' }) to?: string;
  @ApiPropertyOptional({
    description: 'BACK_ONLINE: from the first unanswered poll to the first answered one.',
  })
  durationSec?: number;
  @ApiPropertyOptional({
    type: ModemLogEntryResponse,
    description: 'modemLog: the row as the modem logged it.',
  })
  log?: ModemLogEntryResponse;
}

export class UntimedEventResponse {
  @ApiProperty({ enum: [...MODEM_EVENT_KINDS], enumName: 'ModemEventKind' }) kind!: string;
  @ApiProperty({ enum: ['modemLog'] }) source!: string;
  @ApiProperty({ description: 'A short sentence saying what the log shows.' }) evidence!: string;
  @ApiProperty({ description: "The event in one sentence in the answer's language." }) text!: string;
  @ApiProperty({ type: ModemLogEntryResponse }) log!: ModemLogEntryResponse;
}

export class ModemLogStateResponse {
  @ApiProperty({
    enum: ['read', 'absent', 'notRead'],
    description:
      'read: the latest reading is a call-centre check’s (full poll), which read the modem’s event log. absent: ' +
      'that poll found no event log on the modem. notRead: no reading, a silent modem, or the latest reading is a ' +
      'sweep’s (fast poll), which does not read the log (a diagnosis with detail=full reads it).',
  })
  state!: string;
  @ApiProperty({ ...LOGGED_AT, description: 'When the log was read; null: not read.' }) readAt!:
    string | null;
  @ApiProperty({ description: 'Rows kept from the log (its newest, at most EVENT_LOG_ROWS).', example: 4 })
  rows!: number;
}

export class TimelineResponse {
  @ApiProperty({ example: 'sim-cm-00031' }) modemId!: string;
  @ApiProperty({
    enum: ['en', 'pl'],
    description: "The language of the events' text: from Accept-Language, else DEFAULT_LANGUAGE.",
  })
  language!: string;
  @ApiProperty({ format: 'date-time', description: 'Start of the requested window.' }) since!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The oldest history entry in the window (null: no history yet).',
  })
  coveredFrom!: string | null;
  @ApiProperty({
    type: [TimelineEventResponse],
    description: 'Linecheck’s history and the modem’s own log (those of the window), newest first.',
  })
  events!: TimelineEventResponse[];
  @ApiProperty({
    type: [UntimedEventResponse],
    description:
      'Logged events without a time (the modem had no time of day): they cannot be placed. Log order.',
  })
  untimed!: UntimedEventResponse[];
  @ApiProperty({ type: ModemLogStateResponse }) modemLog!: ModemLogStateResponse;
}
