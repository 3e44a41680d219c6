import { ApiProperty } from '@nestjs/swagger';
import { FAULT_PLACES, SUB_KINDS, VERDICTS } from '../../domain/diagnosis';
import { VISIT_FOUND } from '../../domain/visit';

// Visit and KPI responses (documentation only).

export class VisitResponse {
  @ApiProperty({ example: 'v-mip3x1k0-3f9a0c2b7d1e' }) id!: string;
  @ApiProperty({ example: 'sim-cm-00031' }) modemId!: string;
  @ApiProperty({ type: 'string', nullable: true, example: 'FS-2026-118734' }) externalId!: string | null;
  @ApiProperty({ format: 'date-time' }) visitedAt!: string;
  @ApiProperty({ enum: [...VISIT_FOUND] }) found!: string;
  @ApiProperty({ type: 'string', nullable: true }) fixed!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) technician!: string | null;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'The observedAt of the diagnosis that sent the technician; null when none was recorded.',
  })
  diagnosisAt!: string | null;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class VisitImportResultResponse {
  @ApiProperty({ description: 'Data rows in the file.', example: 3 }) received!: number;
  @ApiProperty({ description: 'Visits recorded.', example: 2 }) created!: number;
  @ApiProperty({
    description: 'Rows whose externalId was recorded already with the same content.',
    example: 1,
  })
  duplicates!: number;
}

export class RateResponse {
  @ApiProperty({ example: 3 }) count!: number;
  @ApiProperty({ description: 'The denominator.', example: 12 }) of!: number;
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'count / of (4 decimals); null when of is 0.',
    example: 0.25,
  })
  rate!: number | null;
}

export class ResolvedRateResponse extends RateResponse {
  @ApiProperty({ example: 7 }) windowDays!: number;
}

export class VerdictKpiResponse {
  @ApiProperty({ enum: [...VERDICTS] }) verdict!: string;
  @ApiProperty() visits!: number;
  @ApiProperty({ description: 'Visits that found a fault (not NO_FAULT_FOUND nor CUSTOMER_EQUIPMENT).' })
  faultFound!: number;
  @ApiProperty({ type: 'number', nullable: true }) rate!: number | null;
}

export class PlaceKpiResponse {
  @ApiProperty({ enum: [...FAULT_PLACES] }) place!: string;
  @ApiProperty() visits!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Visits that found the fault at that place; null for UNKNOWN.',
  })
  foundThere!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) rate!: number | null;
}

const BY_FOUND = Object.fromEntries(VISIT_FOUND.map((f) => [f, { type: 'integer' as const }]));

export class OutcomeKpisResponse {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ description: 'Visits with from <= visitedAt < to.' }) visits!: number;
  @ApiProperty({ type: 'object', properties: BY_FOUND, required: [...VISIT_FOUND] })
  byFound!: Record<string, number>;
  @ApiProperty({ type: () => RateResponse }) noFaultFound!: RateResponse;
  @ApiProperty({ type: () => RateResponse }) repeatVisits!: RateResponse;
  @ApiProperty({ description: 'Visits whose diagnosis is not in the decision log.' }) unlinkedVisits!: number;
  @ApiProperty({ type: () => [VerdictKpiResponse] }) byVerdict!: VerdictKpiResponse[];
  @ApiProperty({ type: () => [PlaceKpiResponse] }) byPlace!: PlaceKpiResponse[];
  @ApiProperty({ type: () => ResolvedRateResponse }) resolvedWithoutVisit!: ResolvedRateResponse;
}

export class ThresholdCodeResponse {
  @ApiProperty({ enum: [...SUB_KINDS] }) code!: string;
  @ApiProperty({ enum: ['FAULT', 'MARGINAL'] }) severity!: string;
  @ApiProperty({ description: 'No-fault visits whose diagnosis had this finding.' }) noFaultVisits!: number;
  @ApiProperty({ description: 'Visits whose diagnosis had this finding, whatever they found.' })
  visits!: number;
  @ApiProperty({ type: 'number', nullable: true }) noFaultShare!: number | null;
}

export class ThresholdReportResponse {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
  @ApiProperty({ description: 'Visits that found NO_FAULT_FOUND and whose diagnosis is in the log.' })
  noFaultVisits!: number;
  @ApiProperty({ type: () => [ThresholdCodeResponse] }) codes!: ThresholdCodeResponse[];
}
