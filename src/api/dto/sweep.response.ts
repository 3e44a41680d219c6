import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NODE_SUMMARY_EXAMPLE, NodeSummaryResponse } from './cmts.response';
import { VerdictCountsResponse } from './diagnosis.response';

// Sweep and fleet responses (documentation only).

export class SweepScopeResponse {
  @ApiProperty({ enum: ['all', 'cmts', 'node'] }) kind!: 'all' | 'cmts' | 'node';
  @ApiPropertyOptional({ description: 'cmts and node scopes.', example: 'sim-cmts-1' }) cmtsId?: string;
  @ApiPropertyOptional({ description: 'node scope.', example: '1000.1' }) serviceGroupId?: string;
}

export class SweepViewResponse {
  @ApiProperty({ example: 'sw-mww5akv4-5432a1' }) id!: string;
  @ApiProperty({ type: () => SweepScopeResponse }) scope!: SweepScopeResponse;
  @ApiProperty({
    enum: ['api', 'schedule', 'start'],
    description: 'Who started it: a client, the interval schedule, or the app at start (SWEEP_AT_START).',
  })
  trigger!: 'api' | 'schedule' | 'start';
  @ApiProperty({ enum: ['running', 'finished'] }) status!: 'running' | 'finished';
  @ApiProperty({ description: 'Modems in scope.', example: 40 }) total!: number;
  @ApiProperty({
    description: 'Modems checked (each counted once, however often its chunk ran).',
    example: 40,
  })
  done!: number;
  @ApiProperty({ description: 'Modems whose check failed (not a verdict: an error).', example: 0 })
  failed!: number;
  @ApiProperty({ type: () => VerdictCountsResponse }) byVerdict!: VerdictCountsResponse;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ example: 0.3 }) elapsedSec!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Estimated seconds left; null until the first modem is counted, 0 when finished.',
    example: 0,
  })
  etaSec!: number | null;
}

export const SWEEP_RUNNING_EXAMPLE = {
  id: 'sw-mww5akv4-5432a1',
  scope: { kind: 'node', cmtsId: 'sim-cmts-1', serviceGroupId: '1000.1' },
  trigger: 'api',
  status: 'running',
  total: 40,
  done: 0,
  failed: 0,
  byVerdict: {},
  startedAt: '2026-11-25T13:14:14.176Z',
  finishedAt: null,
  elapsedSec: 0,
  etaSec: null,
};

export const SWEEP_FINISHED_EXAMPLE = {
  ...SWEEP_RUNNING_EXAMPLE,
  status: 'finished',
  done: 40,
  byVerdict: { TEXTBOOK_OK: 29, MARGINAL: 5, LINE_FAULT: 6 },
  finishedAt: '2026-11-25T13:14:14.482Z',
  elapsedSec: 0.3,
  etaSec: 0,
};

export class SweepListResponse {
  @ApiProperty({ type: [SweepViewResponse], description: 'Newest first.' }) items!: SweepViewResponse[];
}

export class CmtsFleetResponse {
  @ApiProperty({ example: 'sim-cmts-1' }) cmtsId!: string;
  @ApiProperty({ example: 8 }) nodes!: number;
  @ApiProperty({ example: 320 }) modems!: number;
  @ApiProperty({ description: 'Modems not online at the CMTS.', example: 3 }) offline!: number;
  @ApiProperty({ type: () => VerdictCountsResponse }) byVerdict!: VerdictCountsResponse;
}

export class FleetSummaryResponse {
  @ApiProperty({ description: 'Modems in the inventory.', example: 320 }) modems!: number;
  @ApiProperty({ description: 'Modems with a stored verdict.', example: 318 }) checked!: number;
  @ApiProperty({ type: () => VerdictCountsResponse }) byVerdict!: VerdictCountsResponse;
  @ApiProperty({ type: [CmtsFleetResponse] }) perCmts!: CmtsFleetResponse[];
  @ApiProperty({ type: [NodeSummaryResponse], description: 'Up to 10 nodes, worst first.' })
  worstNodes!: NodeSummaryResponse[];
}

/** The example fleet has one CMTS, so its counts are the fleet's. */
const FLEET_VERDICTS_EXAMPLE = {
  TEXTBOOK_OK: 251,
  MARGINAL: 38,
  LINE_FAULT: 21,
  FLAPPING: 2,
  MODEM_OFFLINE: 3,
  PROVISIONING_ISSUE: 3,
};

export const FLEET_SUMMARY_EXAMPLE = {
  modems: 320,
  checked: 318,
  byVerdict: FLEET_VERDICTS_EXAMPLE,
  perCmts: [{ cmtsId: 'sim-cmts-1', nodes: 8, modems: 320, offline: 3, byVerdict: FLEET_VERDICTS_EXAMPLE }],
  worstNodes: [NODE_SUMMARY_EXAMPLE],
};
