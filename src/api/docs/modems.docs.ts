import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  HistoryResponse,
  LINE_FAULT_DIAGNOSIS,
  LineDiagnosisResponse,
  TEXTBOOK_OK_DIAGNOSIS,
  TimelineResponse,
} from '../dto/diagnosis.response';
import { withTimelineTexts } from '../../i18n/line-texts';
import { Messages } from '../../i18n/messages';
import { PutModemDto, SERVICES_PROBLEM } from '../dto/modem.dto';
import { MODEM_EXAMPLE, ModemPageResponse, ModemViewResponse } from '../dto/modem.response';
import { TELEMETRY_EXAMPLE, TelemetryResponse } from '../dto/telemetry.response';
import { PRE_EQUALISATION_EXAMPLE, PreEqualisationResponse } from '../dto/pre-equalisation.response';
import {
  ApiDocs,
  ApiModemErrors,
  ApiPutResponses,
  ApiStoreErrors,
  invalid,
  withJsonBody,
} from '../openapi.decorators';

const PUT_MODEM_EXAMPLES = {
  v2c: {
    summary: 'SNMPv2c modem with its customer',
    value: {
      host: '10.20.1.17',
      snmp: { version: '2c', community: 'public', writeCommunity: 'private' },
      mac: '00:1d:cd:42:00:00',
      cmtsId: 'sim-cmts-1',
      customer: {
        customerNumber: 'C1000001',
        fullName: 'Jan Iksiński',
        address: 'ul. Długa 5 m. 12',
        services: ['internet', 'tv'],
      },
    },
  },
  v3: {
    summary: 'SNMPv3 modem',
    value: {
      host: 'cm-0024.plant.example.net',
      port: 161,
      snmp: {
        version: '3',
        user: 'linecheck',
        authProtocol: 'sha256',
        authKey: 'auth-secret-1234',
        privProtocol: 'aes',
        privKey: 'priv-secret-5678',
      },
    },
  },
};

// The example's texts are made by the code that makes the answers', in English.
const TIMELINE_EXAMPLE = withTimelineTexts(
  {
    modemId: 'sim-cm-00031',
    since: '2026-11-18T13:14:13.984Z',
    coveredFrom: '2026-11-18T13:20:02.113Z',
    events: [
      {
        at: '2026-11-25T13:14:10.265Z',
        kind: 'VERDICT_CHANGED',
        source: 'linecheck',
        evidence: 'verdict went from TEXTBOOK_OK to LINE_FAULT',
        from: 'TEXTBOOK_OK',
        to: 'LINE_FAULT',
      },
      {
        at: '2026-11-25T12:58:02.000Z',
        kind: 'T3_TIMEOUT',
        source: 'modemLog',
        evidence:
          'the modem logged "No Ranging Response received - T3 time-out" 10 times in 11 h 2 min (critical)',
        log: {
          index: 3,
          eventId: 82000200,
          level: 3,
          levelName: 'critical',
          count: 10,
          firstAt: '2026-11-25T01:56:02.000Z',
          lastAt: '2026-11-25T12:58:02.000Z',
          text: 'No Ranging Response received - T3 time-out;CM-MAC=00:1d:cd:2a:00:1f;CMTS-MAC=00:17:10:00:00:01;',
        },
      },
      {
        at: '2026-11-24T22:05:41.020Z',
        kind: 'REBOOT',
        source: 'linecheck',
        evidence: 'uptime went from 12 d 3 h to 40 s',
      },
    ],
    untimed: [
      {
        kind: 'REBOOT',
        source: 'modemLog',
        evidence: 'the modem logged "Cable Modem Reboot due to power reset" (notice)',
        log: {
          index: 1,
          eventId: null,
          level: 6,
          levelName: 'notice',
          count: 1,
          firstAt: null,
          lastAt: null,
          text: 'Cable Modem Reboot due to power reset',
        },
      },
    ],
    modemLog: { state: 'read', readAt: '2026-11-25T13:14:10.265Z', rows: 3 },
  } as const,
  new Messages({ defaultLanguage: 'en', timeZone: 'Europe/Warsaw' }).in('en'),
);

/** The OpenAPI description of ModemsController's routes, one decorator per route. */
export const ModemsDocs = {
  list: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'List modems',
        description: 'The modem inventory in id order, a page at a time, without SNMP secrets.',
      }),
      ApiOkResponse({
        type: ModemPageResponse,
        example: { total: 200, offset: 0, items: [MODEM_EXAMPLE] },
      }),
      ApiStoreErrors({
        400: [
          invalid('limit is out of range', [
            { field: 'limit', problems: ['limit must not be greater than 1000'] },
          ]),
        ],
      }),
    ),
  put: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Register or update a modem',
        description:
          'Where and how to poll the modem (SNMP v2c or v3), its MAC and CMTS, and the customer it serves (for ' +
          'caller verification) and what they subscribe to (`customer.services`). The whole record is replaced. Secrets are stored but never shown back; a ' +
          '`writeCommunity` (v2c) or v3 credentials allow a remote reboot.',
      }),
      ApiBody({ type: PutModemDto, examples: PUT_MODEM_EXAMPLES }),
      ApiPutResponses(ModemViewResponse, MODEM_EXAMPLE),
      ApiStoreErrors(
        withJsonBody({
          400: [
            invalid('Bad fields (each one named), or unknown fields', [
              { field: 'extra', problems: ['property extra should not exist'] },
              { field: 'host', problems: ['host must be an IPv4/IPv6 address or a host name'] },
              {
                field: 'snmp.community',
                problems: [
                  'community must be longer than or equal to 1 characters',
                  'community must be a string',
                ],
              },
            ]),
            invalid('A service that is not one of internet, tv, phone (or one given twice)', [
              { field: 'customer.services', problems: [SERVICES_PROBLEM] },
            ]),
          ],
        }),
      ),
    ),
  get: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Get a modem',
        description: 'One modem’s inventory record: host, SNMP version, MAC, CMTS and customer (no secrets).',
      }),
      ApiOkResponse({ type: ModemViewResponse, example: MODEM_EXAMPLE }),
      ApiModemErrors(),
    ),
  delete: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Remove a modem',
        description: 'Takes the modem out of the inventory; it is no longer polled or swept.',
      }),
      ApiNoContentResponse({ description: 'Removed.' }),
      ApiModemErrors(),
    ),
  diagnosis: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Diagnose a line',
        description:
          'The one answer an agent needs while the customer is on the phone: the verdict, what to do next, and the ' +
          'evidence (for a fault: the channel, the value and the limit it broke). Uses the stored reading when it is ' +
          'younger than `maxAgeSec`, otherwise polls the modem now (with the CMTS’s view of it and of its node). ' +
          'A modem that does not answer is a verdict (MODEM_OFFLINE, or PLANT_OUTAGE when its node is down), not ' +
          'an error. Concurrent requests for one modem share one SNMP poll.',
      }),
      ApiOkResponse({
        type: LineDiagnosisResponse,
        examples: {
          lineFault: { summary: 'LINE_FAULT: dispatch a technician', value: LINE_FAULT_DIAGNOSIS },
          textbookOk: {
            summary: 'TEXTBOOK_OK: check the customer’s equipment',
            value: TEXTBOOK_OK_DIAGNOSIS,
          },
        },
      }),
      ApiModemErrors({
        400: [
          invalid('maxAgeSec is out of range', [
            { field: 'maxAgeSec', problems: ['maxAgeSec must not be greater than 86400'] },
          ]),
        ],
      }),
    ),
  telemetry: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Latest raw reading',
        description:
          'The latest stored reading of the modem as polled, in real units (dBmV, dB): every downstream, upstream, ' +
          'OFDM and OFDMA channel, status and CPEs. Codeword counters (Counter64) are decimal strings. Does not ' +
          'poll: `reading` is null until the modem has been read (GET …/diagnosis reads it).',
      }),
      ApiOkResponse({ type: TelemetryResponse, example: TELEMETRY_EXAMPLE }),
      ApiModemErrors(),
    ),
  preEqualisation: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Upstream pre-equalisation, channel by channel',
        description:
          'The latest stored reading’s upstream pre-equalisation coefficients, decoded and analysed now (they are ' +
          'not kept analysed): per channel the forward taps relative to the main tap, the metrics (main tap ratio, ' +
          'NMTER, pre/post MTTER...), their grades, the echo (delay, level, distance from the modem) and the ' +
          'in-channel frequency response with its ripple. A channel whose coefficients were not read, came empty ' +
          '(no pre-equalisation) or are not valid says so in `state` and `reason`. Does not poll: without a ' +
          'reading (or after a silent poll) `channels` is empty and `reason` says why.',
      }),
      ApiOkResponse({ type: PreEqualisationResponse, example: PRE_EQUALISATION_EXAMPLE }),
      ApiModemErrors(),
    ),
  timeline: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'What happened to the line',
        description:
          'Answers "yesterday it worked": verdict changes, reboots, re-registrations and offline spells over the ' +
          'last `days`, newest first, each with its time and evidence (as far back as the history goes), merged ' +
          'with what the modem logged itself (T3/T4 time-outs, ranging failures, re-registrations, DHCP, time-of-day ' +
          'and config-file failures, reboots), each marked with its `source`. The modem’s log is the one the ' +
          'latest reading read: a call-centre check (diagnosis, detail=full) reads it, a sweep does not ' +
          '(`modemLog.state`). Logged events are placed at their last occurrence, with their count and first and ' +
          'last time; those the modem logged without a time of day are listed apart (`untimed`). Does not poll.',
      }),
      ApiOkResponse({
        type: TimelineResponse,
        example: TIMELINE_EXAMPLE,
      }),
      ApiModemErrors({
        400: [
          invalid('days is out of range', [
            { field: 'days', problems: ['days must not be greater than 31'] },
          ]),
        ],
      }),
    ),
  history: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Per-poll history',
        description:
          'The stored summary of every poll since `since` (default: the last 24 hours), oldest first: whether the ' +
          'modem answered, uptime, status, resets, T3/T4 sums, CMTS registration state and the verdict.',
      }),
      ApiOkResponse({
        type: HistoryResponse,
        example: {
          modemId: 'sim-cm-00031',
          since: '2026-11-24T13:14:13.972Z',
          entries: [
            {
              at: '2026-11-25T13:14:10.265Z',
              reachable: true,
              cmtsRegState: 8,
              lastRegAt: 1792586896900,
              uptimeSec: 3025553.31,
              statusValue: 12,
              resets: 0,
              t3: 35,
              t4: 0,
              t3Exceeded: 0,
              verdict: 'LINE_FAULT',
            },
          ],
        },
      }),
      ApiModemErrors({
        400: [
          invalid('since is not a time', [
            {
              field: 'since',
              problems: [
                'since must be an ISO 8601 time with zone (2026-11-25T10:00:00Z) or epoch milliseconds',
              ],
            },
          ]),
        ],
      }),
    ),
};
