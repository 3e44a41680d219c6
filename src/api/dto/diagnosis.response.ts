import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TimelineEventKind } from '../../diagnosis/timeline';
import { ACTIONS, NOT_CHECKED_CODES, SUB_KINDS, VERDICTS } from '../../domain/diagnosis';

// Response schemas of the line endpoints (documentation only: the controllers return the domain types).

export const VERDICT = { enum: [...VERDICTS], enumName: 'Verdict' };
export const SUB_KIND = { enum: [...SUB_KINDS], enumName: 'SubKind' };
export const ACTION = { enum: [...ACTIONS], enumName: 'Action' };

/** A record, so the compiler insists on every kind timeline.ts has. */
const TIMELINE_EVENT_KINDS: Record<TimelineEventKind, true> = {
  VERDICT_CHANGED: true,
  REBOOT: true,
  REREGISTRATION: true,
  WENT_OFFLINE: true,
  BACK_ONLINE: true,
};

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
  @ApiProperty({ enum: ['dBmV', 'dB', '%', 'count', 'count/24h', 'state'], example: 'dB' }) unit!: string;
  @ApiProperty({
    description: 'One sentence an agent can read to the customer.',
    example: 'Downstream channel 31 (663 MHz, 256-QAM) has an SNR of 27 dB, below the 30 dB minimum.',
  })
  message!: string;
}

export class NotCheckedResponse {
  @ApiProperty({
    enum: [...NOT_CHECKED_CODES],
    enumName: 'NotCheckedCode',
    description:
      'The check that could not be made: REGISTRATION_STATE (the modem state, hence provisioning), T3_T4_TIMEOUTS (upstream timeout counters), RF_REINIT (cable ' +
      're-initialisations), CODEWORDS (codeword error ratios), CPE_PRESENCE (whether a device is behind the modem).',
  })
  code!: string;
  @ApiProperty({
    description: 'Which objects the modem did not answer, in a sentence for the agent or NOC.',
    example:
      'Upstream T3 timeouts, T4 timeouts, T3 retries exhausted (T3 exceeded) not read: the modem has no ' +
      'docsIf3CmStatusUsTable (and no docsIfCmStatus T3/T4 counters on its MAC interface).',
  })
  reason!: string;
}

export const LINE_FAULT_DIAGNOSIS = {
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
  observedAt: '2026-11-25T13:14:10.265Z',
  ageSec: 0,
  source: 'live',
  thresholdsProfile: 'docsis-default',
};

export const TEXTBOOK_OK_DIAGNOSIS = {
  modemId: 'sim-cm-00003',
  verdict: 'TEXTBOOK_OK',
  subKinds: [],
  action: 'CHECK_CUSTOMER_EQUIPMENT',
  summary:
    'Line and modem are within spec; a Ubiquiti router is connected: have the customer test with a computer ' +
    'wired directly to the modem, bypassing the router.',
  findings: [],
  notChecked: [],
  observedAt: '2026-11-25T10:43:27.770Z',
  ageSec: 42,
  source: 'cache',
  thresholdsProfile: 'docsis-default',
};

export class LineDiagnosisResponse {
  @ApiProperty({ example: 'sim-cm-00031' }) modemId!: string;
  @ApiProperty({ ...VERDICT, description: 'The one answer for the line.' }) verdict!: string;
  @ApiProperty({ ...SUB_KIND, isArray: true, description: 'What kinds of problem the verdict rests on.' })
  subKinds!: string[];
  @ApiProperty({ ...ACTION, description: 'What the agent should do next.' }) action!: string;
  @ApiProperty({ description: 'The verdict and the action in words an agent can say.' }) summary!: string;
  @ApiProperty({ type: [FindingResponse], description: 'The evidence: channel, value and limit.' })
  findings!: FindingResponse[];
  @ApiProperty({
    type: [NotCheckedResponse],
    description:
      'What could not be graded because the modem did not answer the objects it needs ("not read" is never ' +
      'graded as 0); empty when everything was read.',
  })
  notChecked!: NotCheckedResponse[];
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

export class TimelineEventResponse {
  @ApiProperty({ format: 'date-time', description: 'The time of the history entry that shows the event.' })
  at!: string;
  @ApiProperty({ enum: Object.keys(TIMELINE_EVENT_KINDS), enumName: 'TimelineEventKind' }) kind!: string;
  @ApiProperty({ description: 'A short sentence saying what the history shows.' }) evidence!: string;
  @ApiPropertyOptional({ description: 'VERDICT_CHANGED: the verdict before.' }) from?: string;
  @ApiPropertyOptional({ description: 'VERDICT_CHANGED: the verdict after.' }) to?: string;
  @ApiPropertyOptional({
    description: 'BACK_ONLINE: from the first unanswered poll to the first answered one.',
  })
  durationSec?: number;
}

export class TimelineResponse {
  @ApiProperty({ example: 'sim-cm-00031' }) modemId!: string;
  @ApiProperty({ format: 'date-time', description: 'Start of the requested window.' }) since!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The oldest history entry in the window (null: no history yet).',
  })
  coveredFrom!: string | null;
  @ApiProperty({ type: [TimelineEventResponse], description: 'Newest first.' })
  events!: TimelineEventResponse[];
}
