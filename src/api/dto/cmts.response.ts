import { ApiProperty } from '@nestjs/swagger';
import { CMTS_US_EQ_DATA } from '../../domain/modem-record';
import { SUB_KIND, VERDICT, VerdictCountsResponse } from './diagnosis.response';

// CMTS and node (service group) responses (documentation only).

const MODEM_TABLES = { enum: ['docsIf3', 'rfc4546', 'mixed', 'none'], enumName: 'CmtsModemTables' };

export class CmtsViewResponse {
  @ApiProperty({ example: 'sim-cmts-1' }) id!: string;
  @ApiProperty({ example: '10.0.0.1' }) host!: string;
  @ApiProperty({ example: 161 }) port!: number;
  @ApiProperty({ enum: ['2c', '3'], description: 'SNMP version; credentials are never shown.' })
  snmpVersion!: '2c' | '3';
  @ApiProperty({ description: 'The upstream receive level the CMTS aims for, dBmV.', example: 0 })
  setPointDbmv!: number;
  @ApiProperty({
    enum: CMTS_US_EQ_DATA,
    description:
      'coefficients: snapshots read the modems’ upstream pre-equalisation from docsIf3CmtsCmUsStatusEqData; off: ' +
      'not read (the default, and the setting for a CMTS that returns ranging adjustments there).',
  })
  usEqData!: string;
  @ApiProperty({ description: 'True when modemDefaults is set: discovery registers unknown modems.' })
  discoversModems!: boolean;
  @ApiProperty({
    // Inline, not the shared enum schema: OpenAPI 3.0 has nullable only beside a type.
    enum: MODEM_TABLES.enum,
    type: 'string',
    nullable: true,
    description:
      'The modem tables the last discovery found: docsIf3 (DOCS-IF3), rfc4546 (DOCS-IF-MIB only), mixed (some ' +
      'objects from each), none (a blind CMTS: its modems are polled directly and get no evidence from it); ' +
      'null before the first discovery.',
  })
  modemTables!: string | null;
  @ApiProperty({
    type: [String],
    description: 'The modem objects (tables) the last discovery found no rows in.',
    example: [],
  })
  missingObjects!: string[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export const CMTS_EXAMPLE = {
  id: 'sim-cmts-1',
  host: '10.0.0.1',
  port: 161,
  snmpVersion: '2c',
  setPointDbmv: 0,
  usEqData: 'off',
  discoversModems: true,
  modemTables: 'docsIf3',
  missingObjects: [],
  createdAt: '2026-11-25T13:13:55.169Z',
  updatedAt: '2026-11-25T13:13:55.169Z',
};

export class CmtsListResponse {
  @ApiProperty({ type: [CmtsViewResponse] }) items!: CmtsViewResponse[];
}

export class DiscoveryResultResponse {
  @ApiProperty({ example: 'sim-cmts-1' }) cmtsId!: string;
  @ApiProperty({ format: 'date-time', description: 'When the CMTS was walked.' }) at!: string;
  @ApiProperty({ description: 'Modem rows on the CMTS.', example: 80 }) rows!: number;
  @ApiProperty({ description: 'Known modems whose MAC, IP and service group were recorded.', example: 78 })
  updated!: number;
  @ApiProperty({ description: 'Modems registered from modemDefaults.', example: 2 }) created!: number;
  @ApiProperty({ description: 'Rows matching no modem (and not registered).', example: 0 })
  unmatched!: number;
  @ApiProperty({ description: 'Nodes seen (service groups, or upstream-channel groups).', example: 2 })
  groups!: number;
  @ApiProperty({ ...MODEM_TABLES, description: 'The modem tables found; none: a blind CMTS.' })
  modemTables!: string;
  @ApiProperty({ type: [String], description: 'The modem objects that gave no rows.', example: [] })
  missingObjects!: string[];
  @ApiProperty({
    type: [String],
    description:
      'What limits the answers about this CMTS’s modems (a missing table, nodes grouped by upstream).',
    example: [],
  })
  warnings!: string[];
}

export class SharedFaultResponse {
  @ApiProperty(SUB_KIND) subKind!: string;
  @ApiProperty({ description: 'Online modems of the node showing it.', example: 6 }) modems!: number;
  @ApiProperty({ description: 'Share of the node’s modems, 0..1.', example: 0.15 }) share!: number;
}

const NODE_STATE = {
  enum: ['OUTAGE', 'NODE_WIDE_FAULT', 'DEGRADED', 'OK', 'UNKNOWN'],
  enumName: 'NodeState',
};

export class EchoClusterResponse {
  @ApiProperty({ type: 'integer', nullable: true, description: 'The upstream channel id.', example: 1 })
  channelId!: number | null;
  @ApiProperty({ description: "The cluster's echo delay after the main tap (taps).", example: 5.99 })
  delayTaps!: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'How far from the modems the shared reflection is (m, one way).',
    example: 152.6,
  })
  distanceM!: number | null;
  @ApiProperty({
    type: [String],
    description: 'The modems that show it.',
    example: ['sim-cm-00012', 'sim-cm-00015'],
  })
  modems!: string[];
  @ApiProperty({
    enum: ['TAP_OR_AMPLIFIER', 'PLANT'],
    description:
      'Where the shared cavity is, as each member’s own location puts it: PLANT when at least the profile’s ' +
      'plantMinShare of the modems compared on the channel show it, else a tap or amplifier they share.',
  })
  place!: string;
  @ApiProperty({ enum: ['MEDIUM', 'HIGH'], description: 'HIGH: three modems or more share the echo.' })
  confidence!: string;
  @ApiProperty({
    description:
      'Modems of the node whose coefficients on this channel were compared (the members included).',
    example: 9,
  })
  modemsCompared!: number;
}

export class NodeSummaryResponse {
  @ApiProperty({ example: 'sim-cmts-1' }) cmtsId!: string;
  @ApiProperty({
    description: '<MdIfIndex>.<MdCmSgId>, or us:<ifIndex>+... when the CMTS gives no service group.',
    example: '1000.1',
  })
  serviceGroupId!: string;
  @ApiProperty({
    enum: ['serviceGroup', 'upstreamChannels'],
    description: 'upstreamChannels: the node is the modems sharing upstream channels, not a service group.',
  })
  groupedBy!: string;
  @ApiProperty({
    ...NODE_STATE,
    description:
      'UNKNOWN: the CMTS did not answer, or it exposes no modem table, so offline modems cannot be told.',
  })
  state!: string;
  @ApiProperty({
    description:
      'Every modem of the node: the rows the CMTS reports in the group now, plus last known members whose rows ' +
      'vanished from the CMTS tables.',
    example: 40,
  })
  modems!: number;
  @ApiProperty({
    description:
      'Of those, rows the CMTS reports that the inventory does not know (counted, with no verdict).',
    example: 0,
  })
  notInInventory!: number;
  @ApiProperty({ description: 'Modems not online at the CMTS.', example: 0 }) offline!: number;
  @ApiProperty({ example: 0 }) offlineShare!: number;
  @ApiProperty({
    description:
      'Share of the node’s modems offline at the CMTS or with a line fault or flapping of their own. The node is ' +
      'DEGRADED only when this reaches the profile’s degradedMinShare and degradedMinModems.',
    example: 0.15,
  })
  troubledShare!: number;
  @ApiProperty({ type: () => VerdictCountsResponse, description: 'Latest verdicts of the node’s modems.' })
  byVerdict!: VerdictCountsResponse;
  @ApiProperty({
    type: [SharedFaultResponse],
    description: 'Fault kinds on online modems, most common first.',
  })
  sharedFaults!: SharedFaultResponse[];
  @ApiProperty({
    type: [EchoClusterResponse],
    description:
      'Modems whose upstream pre-equalisation shows the same echo (as of their latest checks): a cavity they share, in a ' +
      'tap, amplifier or hardline; empty when none.',
  })
  echoClusters!: EchoClusterResponse[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'null: the CMTS did not answer.',
  })
  cmtsObservedAt!: string | null;
}

export class WorstModemResponse {
  @ApiProperty({ example: 'sim-cm-00031' }) modemId!: string;
  @ApiProperty({
    enum: [...VERDICT.enum, 'OFFLINE_AT_CMTS'],
    description: 'OFFLINE_AT_CMTS: offline at the CMTS, not yet diagnosed as such.',
  })
  verdict!: string;
  @ApiProperty({ ...SUB_KIND, isArray: true }) subKinds!: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null: never diagnosed.' })
  at!: string | null;
}

export class NodeDetailResponse extends NodeSummaryResponse {
  @ApiProperty({ type: [WorstModemResponse], description: 'Up to 10 modems, worst first.' })
  worst!: WorstModemResponse[];
}

export const NODE_SUMMARY_EXAMPLE = {
  cmtsId: 'sim-cmts-1',
  serviceGroupId: '1000.1',
  groupedBy: 'serviceGroup',
  state: 'DEGRADED',
  modems: 40,
  notInInventory: 0,
  offline: 0,
  offlineShare: 0,
  troubledShare: 0.15,
  byVerdict: { TEXTBOOK_OK: 29, MARGINAL: 5, LINE_FAULT: 6 },
  sharedFaults: [
    { subKind: 'T3_T4_TIMEOUTS', modems: 2, share: 0.05 },
    { subKind: 'HIGH_US_POWER', modems: 2, share: 0.05 },
    { subKind: 'LOW_DS_SNR', modems: 1, share: 0.025 },
  ],
  echoClusters: [],
  cmtsObservedAt: '2026-11-25T13:14:14.098Z',
};

export const NODE_DETAIL_EXAMPLE = {
  ...NODE_SUMMARY_EXAMPLE,
  worst: [
    {
      modemId: 'sim-cm-00030',
      verdict: 'LINE_FAULT',
      subKinds: ['HIGH_US_POWER'],
      at: '2026-11-25T13:14:05.584Z',
    },
    {
      modemId: 'sim-cm-00031',
      verdict: 'LINE_FAULT',
      subKinds: ['LOW_DS_SNR'],
      at: '2026-11-25T13:14:10.265Z',
    },
    {
      modemId: 'sim-cm-00001',
      verdict: 'MARGINAL',
      subKinds: ['EXCESSIVE_UNCORRECTABLES'],
      at: '2026-11-25T13:14:14.301Z',
    },
  ],
};

export class NodeListResponse {
  @ApiProperty({ type: [NodeSummaryResponse] }) items!: NodeSummaryResponse[];
}
