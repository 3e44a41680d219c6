import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { PutCmtsDto } from '../dto/cmts.dto';
import {
  CMTS_EXAMPLE,
  CmtsListResponse,
  CmtsViewResponse,
  DiscoveryResultResponse,
} from '../dto/cmts.response';
import {
  ApiCmtsErrors,
  ApiDocs,
  ApiPutResponses,
  ApiStoreErrors,
  invalid,
  withJsonBody,
} from '../openapi.decorators';

/** The OpenAPI description of CmtsController's routes, one decorator per route. */
export const CmtsDocs = {
  list: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'List CMTSes',
        description:
          'The CMTSes Linecheck reads for the headend’s view of modems and nodes (no credentials).',
      }),
      ApiOkResponse({ type: CmtsListResponse, example: { items: [CMTS_EXAMPLE] } }),
      ApiStoreErrors(),
    ),
  put: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Register or update a CMTS',
        description:
          'Where and how to read the CMTS over SNMP, its upstream set point, whether its snapshots read the modems’ ' +
          'upstream pre-equalisation (usEqData), and optionally the SNMP settings for modems its discovery should ' +
          'register. The whole record is replaced; credentials are never shown back.',
      }),
      ApiBody({
        type: PutCmtsDto,
        examples: {
          withDiscovery: {
            summary: 'A CMTS whose discovery registers unknown modems',
            value: {
              host: '10.0.0.1',
              snmp: { version: '2c', community: 'cmts-read' },
              setPointDbmv: 0,
              modemDefaults: { snmp: { version: '2c', community: 'public', writeCommunity: 'private' } },
            },
          },
          withPreEqualisation: {
            summary: 'A CMTS verified to return the modems’ coefficients in docsIf3CmtsCmUsStatusEqData',
            value: {
              host: '10.0.0.2',
              snmp: { version: '2c', community: 'cmts-read' },
              usEqData: 'coefficients',
            },
          },
        },
      }),
      ApiPutResponses(CmtsViewResponse, CMTS_EXAMPLE),
      ApiStoreErrors(
        withJsonBody({
          400: [
            invalid('Bad fields (each one named), or unknown fields', [
              { field: 'setPointDbmv', problems: ['setPointDbmv must not be greater than 30'] },
              {
                field: 'snmp.version',
                problems: [
                  'version must be "2c" (with community) or "3" (with user, authProtocol, authKey, privProtocol, privKey)',
                ],
              },
            ]),
          ],
        }),
      ),
    ),
  get: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({ summary: 'Get a CMTS', description: 'One CMTS’s record (no credentials).' }),
      ApiOkResponse({ type: CmtsViewResponse, example: CMTS_EXAMPLE }),
      ApiCmtsErrors(),
    ),
  delete: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Remove a CMTS',
        description:
          'Stops reading the CMTS. Its modems stay in the inventory; diagnoses go on without its view.',
      }),
      ApiNoContentResponse({ description: 'Removed.' }),
      ApiCmtsErrors(),
    ),
  discover: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Discover the CMTS’s modems now',
        description:
          'Walks the CMTS now and records every modem’s MAC, IP and service group (node), which node views and ' +
          'outage triage rely on; with `modemDefaults` set it also registers modems Linecheck does not know yet. ' +
          'Discovery also runs every DISCOVERY_INTERVAL_SEC. It reads the DOCS-IF3 tables and falls back per object ' +
          'to the RFC 4546 DOCS-IF-MIB table; `warnings` names what the CMTS lacks (a CMTS with no modem table at all ' +
          'is blind: its modems are polled directly) and nodes grouped by upstream channel instead of service group.',
      }),
      ApiOkResponse({
        type: DiscoveryResultResponse,
        example: {
          cmtsId: 'sim-cmts-1',
          at: '2026-11-25T13:14:14.098Z',
          rows: 80,
          updated: 78,
          created: 2,
          unmatched: 0,
          groups: 2,
          modemTables: 'docsIf3',
          missingObjects: [],
          warnings: [],
        },
      }),
      ApiCmtsErrors({
        502: [
          {
            when: 'The CMTS did not answer SNMP',
            body: { message: 'CMTS cmts-north did not answer: no answer within 2000 ms (2 tries)' },
          },
        ],
      }),
    ),
};
