import { ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { LatencyDto, ScenarioDto } from '../dto/modem.dto';
import {
  SIM_MODEM_EXAMPLE,
  ScenarioListResponse,
  SimCmtsListResponse,
  SimCmtsRequestsResponse,
  SimModemPageResponse,
  SimModemResponse,
  SimNodeScenarioSetResponse,
  SimNodesResponse,
  SimulatorStatsResponse,
} from '../dto/simulator.response';
import {
  ApiDocs,
  ApiErrors,
  BAD_CMTS_ID,
  BAD_MODEM_ID,
  invalid,
  MALFORMED_JSON,
  type ErrorCase,
} from '../openapi.decorators';

/** A simulator refusal (ScenarioError, UnknownSimulatedError) as error.filter.ts writes it: the field at fault. */
const simError = (when: string, field: string, message: string): ErrorCase => ({
  when,
  body: { message, fields: [{ field, problems: [message] }] },
});

const NO_SIM_MODEM = simError('No simulated modem with this id', 'id', 'no simulated modem sim-cm-09999');

const BAD_SCENARIO = invalid('Not a scenario name', [
  { field: 'scenario', problems: ['scenario must be a scenario name such as TEXTBOOK'] },
]);

/** The OpenAPI description of SimulatorController's routes, one decorator per route. */
export const SimulatorDocs = {
  scenarios: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Modem scenarios',
        description:
          'Every fault and marginal condition a simulated modem can be switched to, with the diagnosis the default ' +
          'thresholds give it: for training agents and trying integrations without a cable plant.',
      }),
      ApiOkResponse({
        type: ScenarioListResponse,
        example: {
          items: [
            {
              name: 'DS_SNR_FAULT',
              description: 'Narrowband ingress: two downstream channels at 27 dB SNR.',
              expect: { verdict: 'LINE_FAULT', subKinds: ['LOW_DS_SNR'], action: 'DISPATCH_TECHNICIAN' },
            },
            {
              name: 'OFDM_MER_FAULT',
              description: 'OFDM mean RxMER 24 dB, below the 256-QAM requirement.',
              requires: '3.1',
              expect: { verdict: 'LINE_FAULT', subKinds: ['OFDM_LOW_MER'], action: 'DISPATCH_TECHNICIAN' },
            },
          ],
        },
      }),
    ),
  stats: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Simulated SNMP agent counters',
        description: 'Its UDP port, requests, drops and modems.',
      }),
      ApiOkResponse({
        type: SimulatorStatsResponse,
        example: { snmpPort: 16100, requests: 35, dropped: 0, badPackets: 0, varbindsOut: 4103, modems: 200 },
      }),
    ),
  list: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Simulated modems',
        description:
          'The simulated modems with their scenario, expected diagnosis, node and state, a page at a time.',
      }),
      ApiOkResponse({ type: SimModemPageResponse, example: { total: 200, items: [SIM_MODEM_EXAMPLE] } }),
      ApiErrors({
        400: [
          invalid('limit is out of range', [
            { field: 'limit', problems: ['limit must not be greater than 1000'] },
          ]),
        ],
      }),
    ),
  get: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'One simulated modem',
        description: 'Its scenario, expected diagnosis and state.',
      }),
      ApiOkResponse({ type: SimModemResponse, example: SIM_MODEM_EXAMPLE }),
      ApiErrors({ 400: [BAD_MODEM_ID], 404: [NO_SIM_MODEM] }),
    ),
  setScenario: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Switch a simulated modem to a scenario',
        description:
          'The modem shows the scenario’s condition from its next poll on (ask for its diagnosis with maxAgeSec=0).',
      }),
      ApiBody({
        type: ScenarioDto,
        examples: { dsSnrFault: { summary: 'Low downstream SNR', value: { scenario: 'DS_SNR_FAULT' } } },
      }),
      ApiOkResponse({
        type: SimModemResponse,
        example: {
          ...SIM_MODEM_EXAMPLE,
          scenario: 'DS_SNR_FAULT',
          expect: { verdict: 'LINE_FAULT', subKinds: ['LOW_DS_SNR'], action: 'DISPATCH_TECHNICIAN' },
        },
      }),
      ApiErrors({
        400: [
          BAD_MODEM_ID,
          BAD_SCENARIO,
          MALFORMED_JSON,
          simError(
            'No such scenario',
            'scenario',
            'unknown scenario DS_SNR_LOW (known: TEXTBOOK, NO_CPE, ...)',
          ),
          simError(
            'The scenario needs a DOCSIS 3.1 modem',
            'scenario',
            'scenario OFDM_MER_FAULT needs a DOCSIS 3.1 modem; sim-cm-00030 is 3.0',
          ),
        ],
        404: [NO_SIM_MODEM],
      }),
    ),
  setLatency: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Slow a simulated modem down',
        description: 'Delays each of its SNMP answers, e.g. to see polls time out or sweeps pace themselves.',
      }),
      ApiBody({
        type: LatencyDto,
        examples: { slow: { summary: '2.5 s per answer', value: { responseDelayMs: 2500 } } },
      }),
      ApiOkResponse({ type: SimModemResponse, example: { ...SIM_MODEM_EXAMPLE, responseDelayMs: 2500 } }),
      ApiErrors({
        400: [
          BAD_MODEM_ID,
          invalid('responseDelayMs is out of range', [
            { field: 'responseDelayMs', problems: ['responseDelayMs must not be greater than 60000'] },
          ]),
          MALFORMED_JSON,
        ],
        404: [NO_SIM_MODEM],
      }),
    ),
  nodes: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Simulated nodes',
        description:
          'Every simulated node with its modem count and node scenario, and the node scenarios there are.',
      }),
      ApiOkResponse({
        type: SimNodesResponse,
        example: {
          items: [{ cmtsId: 'sim-cmts-1', serviceGroupId: '1000.1', modems: 40, scenario: 'NONE' }],
          scenarios: [
            { name: 'NONE', description: 'No node-level condition.' },
            {
              name: 'NODE_OUTAGE',
              description:
                'Most modems of the node lose the plant: their CMTS rows vanish and they answer nothing.',
            },
          ],
        },
      }),
    ),
  setNodeScenario: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Switch a simulated node to a scenario',
        description:
          'A node-level condition (outage, return-path ingress) for all the node’s modems, to see PLANT_OUTAGE and ' +
          'NODE_WIDE verdicts (after the CMTS snapshot, CMTS_SNAPSHOT_TTL_SEC, expires).',
      }),
      ApiBody({
        type: ScenarioDto,
        examples: { outage: { summary: 'Node outage', value: { scenario: 'NODE_OUTAGE' } } },
      }),
      ApiOkResponse({
        type: SimNodeScenarioSetResponse,
        example: { cmtsId: 'sim-cmts-1', serviceGroupId: '1000.1', scenario: 'NODE_OUTAGE' },
      }),
      ApiErrors({
        400: [
          BAD_SCENARIO,
          MALFORMED_JSON,
          simError(
            'No such node scenario',
            'scenario',
            'unknown node scenario NODE_FIRE (known: NONE, NODE_OUTAGE, NODE_OUTAGE_ROWS_REMAIN, RETURN_PATH_INGRESS)',
          ),
        ],
        404: [
          simError('No simulated CMTS with this id', 'cmtsId', 'no simulated CMTS cmts-x'),
          simError(
            'No such node on the simulated CMTS',
            'serviceGroupId',
            'no simulated node 1009.4 on sim-cmts-1',
          ),
        ],
      }),
    ),
  cmtses: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Simulated CMTSes',
        description:
          'Each simulated CMTS with its dialect (docsis30, rfc4546 or blind: which modem tables it serves) and what ' +
          'becomes of offline modems’ rows.',
      }),
      ApiOkResponse({
        type: SimCmtsListResponse,
        example: {
          items: [
            { id: 'sim-cmts-1', dialect: 'docsis30', offlineRows: 'stay', modems: 80 },
            { id: 'sim-cmts-2', dialect: 'rfc4546', offlineRows: 'stay', modems: 80 },
            { id: 'sim-cmts-3', dialect: 'blind', offlineRows: 'stay', modems: 40 },
          ],
        },
      }),
    ),
  cmtsRequests: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'SNMP requests a simulated CMTS answered',
        description:
          'How hard Linecheck reads the CMTS (snapshot caching, one row GET per diagnosis), and whether its walks ' +
          'ask for the modems’ pre-equalisation coefficients.',
      }),
      ApiOkResponse({
        type: SimCmtsRequestsResponse,
        example: { cmtsId: 'sim-cmts-1', requests: 20, eqDataAsks: 0 },
      }),
      ApiErrors({
        400: [BAD_CMTS_ID],
        404: [simError('No simulated CMTS with this id', 'id', 'no simulated CMTS cmts-x')],
      }),
    ),
};
