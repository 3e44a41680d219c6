import { MODEM_GENERATIONS, MODEM_QUIRKS } from '../../config/simulator-spec';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { ACTION, SUB_KIND, VERDICT } from './diagnosis.response';

// The simulator's controls (documentation only). Present only when SIMULATOR_ENABLED.

export class ExpectedDiagnosisResponse {
  @ApiProperty(VERDICT) verdict!: string;
  @ApiProperty({ ...SUB_KIND, isArray: true }) subKinds!: string[];
  @ApiProperty(ACTION) action!: string;
}

export class ScenarioResponse {
  @ApiProperty({ example: 'DS_SNR_FAULT' }) name!: string;
  @ApiProperty({ example: 'Narrowband ingress: two downstream channels at 27 dB SNR.' }) description!: string;
  @ApiPropertyOptional({ enum: ['3.1'], description: 'Needs a DOCSIS 3.1 modem.' }) requires?: '3.1';
  @ApiProperty({
    type: () => ExpectedDiagnosisResponse,
    description: 'What the default thresholds make of it.',
  })
  expect!: ExpectedDiagnosisResponse;
}

export class ScenarioListResponse {
  @ApiProperty({ type: [ScenarioResponse] }) items!: ScenarioResponse[];
}

export class SimulatorStatsResponse {
  @ApiProperty({ description: 'UDP port of the simulated SNMP agent.', example: 16100 }) snmpPort!: number;
  @ApiProperty({ description: 'SNMP requests answered.', example: 35 }) requests!: number;
  @ApiProperty({ description: 'Requests left unanswered on purpose (silent modems).', example: 0 })
  dropped!: number;
  @ApiProperty({ example: 0 }) badPackets!: number;
  @ApiProperty({ example: 4103 }) varbindsOut!: number;
  @ApiProperty({ example: 200 }) modems!: number;
}

export class SimModemResponse {
  @ApiProperty({ example: 'sim-cm-00030' }) id!: string;
  @ApiProperty({ enum: MODEM_GENERATIONS, description: 'DOCSIS generation: 2.0 speaks DOCS-IF-MIB alone.' })
  docsis!: string;
  @ApiProperty({
    enum: Object.keys(MODEM_QUIRKS),
    isArray: true,
    description: 'Vendor quirks: objects or tables this modem lacks or fills with placeholders.',
    example: [],
  })
  quirks!: string[];
  @ApiProperty({ enum: ['2c', '3'] }) snmpVersion!: '2c' | '3';
  @ApiProperty({ example: '00:1d:cd:df:00:1d' }) mac!: string;
  @ApiProperty({ example: 'US_POWER_HIGH_FAULT' }) scenario!: string;
  @ApiProperty({ type: () => ExpectedDiagnosisResponse }) expect!: ExpectedDiagnosisResponse;
  @ApiProperty({ description: 'Whether it answers SNMP now (not while rebooting or offline).' })
  answering!: boolean;
  @ApiProperty({ example: 383008 }) uptimeSec!: number;
  @ApiProperty({ description: 'SNMP requests it answered.', example: 12 }) requests!: number;
  @ApiProperty({ example: 'sim-cmts-1' }) cmtsId!: string;
  @ApiProperty({ example: '1000.1' }) serviceGroupId!: string;
  @ApiProperty({ description: 'Added delay before each answer, ms.', example: 0 }) responseDelayMs!: number;
}

export const SIM_MODEM_EXAMPLE = {
  id: 'sim-cm-00030',
  docsis: '3.0',
  quirks: [],
  snmpVersion: '2c',
  mac: '00:1d:cd:df:00:1d',
  scenario: 'US_POWER_HIGH_FAULT',
  expect: { verdict: 'LINE_FAULT', subKinds: ['HIGH_US_POWER'], action: 'DISPATCH_TECHNICIAN' },
  answering: true,
  uptimeSec: 383008,
  requests: 0,
  cmtsId: 'sim-cmts-1',
  serviceGroupId: '1000.1',
  responseDelayMs: 0,
};

export class SimModemPageResponse {
  @ApiProperty({ example: 200 }) total!: number;
  @ApiProperty({ type: [SimModemResponse] }) items!: SimModemResponse[];
}

export class SimNodeResponse {
  @ApiProperty({ example: 'sim-cmts-1' }) cmtsId!: string;
  @ApiProperty({ example: '1000.1' }) serviceGroupId!: string;
  @ApiProperty({ example: 40 }) modems!: number;
  @ApiProperty({ example: 'NONE' }) scenario!: string;
}

export class NodeScenarioResponse {
  @ApiProperty({ example: 'NODE_OUTAGE' }) name!: string;
  @ApiProperty({
    example: 'Most modems of the node lose the plant: their CMTS rows vanish and they answer nothing.',
  })
  description!: string;
}

export class SimNodesResponse {
  @ApiProperty({ type: [SimNodeResponse] }) items!: SimNodeResponse[];
  @ApiProperty({ type: [NodeScenarioResponse], description: 'The node scenarios there are.' })
  scenarios!: NodeScenarioResponse[];
}

export class SimNodeScenarioSetResponse {
  @ApiProperty({ example: 'sim-cmts-1' }) cmtsId!: string;
  @ApiProperty({ example: '1000.1' }) serviceGroupId!: string;
  @ApiProperty({ example: 'NODE_OUTAGE' }) scenario!: string;
}

export class SimCmtsRequestsResponse {
  @ApiProperty({ example: 'sim-cmts-1' }) cmtsId!: string;
  @ApiProperty({ description: 'SNMP requests the simulated CMTS answered.', example: 20 }) requests!: number;
  @ApiProperty({
    description:
      'OIDs within docsIf3CmtsCmUsStatusEqData that requests named (GET, GETNEXT, a GETBULK’s starting points): ' +
      'whether snapshots ask for the modems’ coefficients (the CMTS record’s usEqData).',
    example: 0,
  })
  eqDataAsks!: number;
}

export class SimCmtsResponse {
  @ApiProperty({ example: 'sim-cmts-2' }) id!: string;
  @ApiProperty({
    enum: ['docsis30', 'rfc4546', 'blind'],
    description:
      'The modem tables it serves: docsis30 (DOCS-IF3, with the modems’ coefficients in ' +
      'docsIf3CmtsCmUsStatusEqData), rfc4546 (DOCS-IF-MIB docsIfCmtsCmStatusTable and ' +
      'docsIfCmtsMacToCmTable only), blind (none).',
  })
  dialect!: string;
  @ApiProperty({
    enum: ['stay', 'vanish'],
    description: 'What becomes of an offline modem’s row: it stays, as other(1), or vanishes.',
  })
  offlineRows!: string;
  @ApiProperty({ example: 80 }) modems!: number;
}

export class SimCmtsListResponse {
  @ApiProperty({ type: [SimCmtsResponse] }) items!: SimCmtsResponse[];
}
