import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { VISIT_FOUND } from '../../domain/visit';
import {
  OutcomeKpisResponse,
  ThresholdReportResponse,
  VisitImportResultResponse,
  VisitResponse,
} from '../dto/visit.response';
import { VisitDto } from '../dto/visit.dto';
import {
  ApiDocs,
  ApiModemErrors,
  ApiRequestContent,
  ApiStoreErrors,
  invalid,
  unreadableBody,
  withJsonBody,
  type ErrorCase,
} from '../openapi.decorators';

const VISIT_EXAMPLE = {
  id: 'v-mip3x1k0-3f9a0c2b7d1e',
  modemId: 'sim-cm-00031',
  externalId: 'FS-2026-118734',
  visitedAt: '2026-11-26T09:40:00.000Z',
  found: 'DROP',
  fixed: 'replaced F connector at the ground block',
  technician: 'J. Kowalski',
  diagnosisAt: '2026-11-25T10:00:00.000Z',
  recordedAt: '2026-11-26T10:02:11.481Z',
};

const CSV_EXAMPLE =
  'modemId,externalId,visitedAt,found,fixed,technician,diagnosisAt\n' +
  'sim-cm-00031,FS-2026-118734,2026-11-26T09:40:00Z,DROP,replaced F connector,J. Kowalski,\n' +
  'sim-cm-00044,FS-2026-118790,2026-11-26T12:15:00Z,NO_FAULT_FOUND,,A. Nowak,2026-11-25T16:20:03.118Z\n';

const FOUND_PROBLEM = `found must be one of ${VISIT_FOUND.join(', ')}`;

const CONFLICT: ErrorCase = {
  when: 'The externalId is recorded already with other content: nothing is recorded',
  body: {
    message:
      'nothing recorded: externalId FS-2026-118734 is recorded already with other content (visit v-mip3x1k0-3f9a0c2b7d1e)',
    externalId: 'FS-2026-118734',
    visitId: 'v-mip3x1k0-3f9a0c2b7d1e',
  },
};

const BAD_RANGE = [
  invalid('A bound is not an ISO 8601 date-time', [
    {
      field: 'from',
      problems: ['from must be an ISO 8601 date-time with its zone, like 2026-11-25T10:00:00Z'],
    },
  ]),
  invalid('from is not before to', [{ field: 'from', problems: ['from must be before to'] }]),
];

/** The OpenAPI description of VisitsController's routes, one decorator per route. */
export const VisitsDocs = {
  record: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Record what a field visit found',
        description:
          'The outcome loop: what the technician found at a modem, linked to the diagnosis that sent them ' +
          '(`diagnosisAt`, or the modem’s latest recorded diagnosis before the visit, within 30 days). A ' +
          'field-service system sends its own `externalId`: the same visit sent again changes nothing (200 with ' +
          'the stored visit), other content under that id is refused (409). Audited.',
      }),
      ApiBody({
        type: VisitDto,
        examples: {
          found: {
            summary: 'A drop fault, sent by a recorded diagnosis',
            value: {
              externalId: 'FS-2026-118734',
              visitedAt: '2026-11-26T09:40:00Z',
              found: 'DROP',
              fixed: 'replaced F connector at the ground block',
              technician: 'J. Kowalski',
              diagnosisAt: '2026-11-25T10:00:00.000Z',
            },
          },
          noFault: {
            summary: 'Nothing found; linked to the latest diagnosis before the visit',
            value: { visitedAt: '2026-11-26T12:15:00Z', found: 'NO_FAULT_FOUND' },
          },
        },
      }),
      ApiCreatedResponse({ type: VisitResponse, description: 'Recorded.', example: VISIT_EXAMPLE }),
      ApiOkResponse({
        type: VisitResponse,
        description: 'This externalId was recorded already with the same content: nothing changed.',
        example: VISIT_EXAMPLE,
      }),
      ApiModemErrors(
        withJsonBody({
          400: [
            invalid('A field is missing or not allowed (each one named)', [
              { field: 'found', problems: [FOUND_PROBLEM] },
            ]),
            invalid('The visit is in the future', [
              {
                field: 'visitedAt',
                problems: ['visitedAt must not be in the future (at most 5 minutes ahead)'],
              },
            ]),
            invalid('diagnosisAt names no recorded diagnosis of the modem', [
              {
                field: 'diagnosisAt',
                problems: [
                  'diagnosisAt must be the observedAt of a recorded diagnosis of sim-cm-00031; none at 2026-11-25T10:00:00Z',
                ],
              },
            ]),
          ],
          409: [CONFLICT],
        }),
      ),
    ),
  list: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'A modem’s field visits',
        description: 'Every visit recorded for the modem, oldest first.',
      }),
      ApiOkResponse({ type: [VisitResponse], example: [VISIT_EXAMPLE] }),
      ApiModemErrors(),
    ),
  import: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Bulk import field visits (CSV)',
        description:
          'Visits from the field-service system as CSV (`text/csv`, header row of columns modemId, externalId, ' +
          'visitedAt, found, fixed, technician, diagnosisAt; empty cells are absent fields). Every row is checked ' +
          'like `POST /api/v1/modems/{id}/visits`; one bad row and nothing is recorded: the 400 names each bad ' +
          'row by its line in the file (the header is line 1) and field. Rows whose externalId is recorded already ' +
          'with the same content are counted as duplicates; with other content the whole file is refused (409). ' +
          'Up to 100,000 rows and 20 MB. Audited.',
      }),
      ApiRequestContent({
        description: 'One visit per row.',
        content: {
          'text/csv': {
            schema: { type: 'string' },
            examples: { csv: { summary: 'Two visits', value: CSV_EXAMPLE } },
          },
        },
      }),
      ApiOkResponse({
        type: VisitImportResultResponse,
        description: 'Every row recorded (or a duplicate).',
        example: { received: 2, created: 2, duplicates: 0 },
      }),
      ApiStoreErrors({
        400: [
          invalid('A row is bad: nothing is recorded', [
            { field: 'line 3: found', problems: [FOUND_PROBLEM] },
            { field: 'line 4: modemId', problems: ['unknown modem sim-cm-09999'] },
          ]),
          unreadableBody(
            'The body is not CSV with the visit columns',
            'unknown CSV columns foundAt (known: modemId, externalId, visitedAt, found, fixed, technician, diagnosisAt)',
          ),
          {
            when: 'The body is not text/csv',
            body: { message: 'send the visits as text/csv, one visit per row' },
          },
        ],
        409: [CONFLICT],
        413: [unreadableBody('The body is over 20 MB', 'request body too large: at most 20971520 bytes')],
      }),
    ),
  kpis: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'How often dispatch decisions were right',
        description:
          'Visits in [from, to) by what they found; per verdict of the diagnosis that sent them, how many found a ' +
          'fault; per predicted place, how many found it there; the no-fault-found and 30-day repeat-visit rates; ' +
          'and the calls resolved without a visit (diagnoses in range that sent nobody, with no visit to the modem ' +
          'within KPI_RESOLVED_WITHOUT_VISIT_DAYS after). A rate is null when its denominator is 0.',
      }),
      ApiOkResponse({ type: OutcomeKpisResponse, example: KPI_EXAMPLE }),
      ApiStoreErrors({ 400: BAD_RANGE }),
    ),
  thresholds: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Which findings send technicians to lines with no fault',
        description:
          'For the visits in [from, to) that found no fault: the finding codes (with severity) of the diagnoses ' +
          'that sent them, most often first, and the share of each code’s visits that found no fault: the ' +
          'limits worth reviewing first.',
      }),
      ApiOkResponse({
        type: ThresholdReportResponse,
        example: {
          from: '2026-11-01T00:00:00.000Z',
          to: '2026-12-01T00:00:00.000Z',
          noFaultVisits: 3,
          codes: [
            {
              code: 'HIGH_CORRECTED',
              severity: 'MARGINAL',
              noFaultVisits: 2,
              visits: 3,
              noFaultShare: 0.6667,
            },
            { code: 'LOW_DS_SNR', severity: 'FAULT', noFaultVisits: 1, visits: 5, noFaultShare: 0.2 },
          ],
        },
      }),
      ApiStoreErrors({ 400: BAD_RANGE }),
    ),
};

export const KPI_EXAMPLE = {
  from: '2026-11-01T00:00:00.000Z',
  to: '2026-12-01T00:00:00.000Z',
  visits: 12,
  byFound: {
    NO_FAULT_FOUND: 3,
    HOME_WIRING: 2,
    DROP: 4,
    TAP_OR_AMPLIFIER: 1,
    PLANT: 0,
    MODEM: 1,
    CUSTOMER_EQUIPMENT: 1,
    OTHER: 0,
  },
  noFaultFound: { count: 3, of: 12, rate: 0.25 },
  repeatVisits: { count: 1, of: 12, rate: 0.0833 },
  unlinkedVisits: 1,
  byVerdict: [
    { verdict: 'MARGINAL', visits: 3, faultFound: 1, rate: 0.3333 },
    { verdict: 'LINE_FAULT', visits: 8, faultFound: 7, rate: 0.875 },
  ],
  byPlace: [
    { place: 'HOME', visits: 3, foundThere: 2, rate: 0.6667 },
    { place: 'DROP', visits: 5, foundThere: 4, rate: 0.8 },
    { place: 'UNKNOWN', visits: 2, foundThere: null, rate: null },
  ],
  resolvedWithoutVisit: { count: 41, of: 60, rate: 0.6833, windowDays: 7 },
};
