import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ImportResultResponse } from '../dto/modem.response';
import { ApiDocs, ApiRequestContent, ApiStoreErrors, unreadableBody } from '../openapi.decorators';

const CSV_EXAMPLE =
  'id,host,community,writeCommunity,mac,cmtsId,customerNumber,fullName,address,services\n' +
  'cm-a1,10.1.2.3,public,private,00:1d:cd:12:34:56,cmts-north,C2000001,Anna Nowak,"Polna 3/4, Kraków",internet+tv\n' +
  'cm-a2,10.1.2.4,public,,bad-mac,cmts-north,,,,\n';

const NDJSON_EXAMPLE =
  JSON.stringify({
    id: 'cm-a1',
    host: '10.1.2.3',
    snmp: { version: '2c', community: 'public', writeCommunity: 'private' },
    mac: '00:1d:cd:12:34:56',
    cmtsId: 'cmts-north',
    customer: {
      customerNumber: 'C2000001',
      fullName: 'Anna Nowak',
      address: 'Polna 3/4, Kraków',
      services: ['internet', 'tv'],
    },
  }) +
  '\n' +
  JSON.stringify({
    id: 'cm-a2',
    host: '10.1.2.4',
    snmp: { version: '2c', community: 'public' },
    mac: 'bad-mac',
  }) +
  '\n';

/** The OpenAPI description of ImportController's routes, one decorator per route. */
export const ImportDocs = {
  import: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Bulk import modems with their customers',
        description:
          'Loads many modems at once from the billing or provisioning system, as CSV (`text/csv`, header row of ' +
          'columns id, host, port, snmpVersion, community, writeCommunity, user, authProtocol, authKey, ' +
          'privProtocol, privKey, mac, cmtsId, customerNumber, fullName, address, services (some of internet, tv, ' +
          'phone joined by +, e.g. `internet+tv`); empty cells are absent fields) or ' +
          'as JSON lines (`application/x-ndjson` or `application/jsonl`: one `PUT /api/v1/modems/{id}` body plus ' +
          '`id` per line). Each row is validated like `PUT /api/v1/modems/{id}`: good rows are stored (created or ' +
          'updated), bad ones come back with their row number and fields. Up to 100,000 rows and 20 MB per request. ' +
          'The path is literally `/api/v1/modems:import`.',
      }),
      ApiRequestContent({
        description: 'One modem per row or line.',
        content: {
          'text/csv': {
            schema: { type: 'string' },
            examples: { csv: { summary: 'Two modems, the second with a bad MAC', value: CSV_EXAMPLE } },
          },
          'application/x-ndjson': {
            schema: { type: 'string' },
            examples: { ndjson: { summary: 'Two modems, the second with a bad MAC', value: NDJSON_EXAMPLE } },
          },
          'application/jsonl': {
            schema: { type: 'string' },
            examples: { jsonl: { summary: 'The same as application/x-ndjson', value: NDJSON_EXAMPLE } },
          },
        },
      }),
      ApiOkResponse({
        type: ImportResultResponse,
        description: 'The import ran; `failed` and `errors` tell the rows that were not stored.',
        example: {
          received: 2,
          created: 1,
          updated: 0,
          failed: 1,
          errors: [
            {
              row: 2,
              id: 'cm-a2',
              message: 'mac: mac must be a MAC address like 00:1d:cd:12:34:56',
              fields: [{ field: 'mac', problems: ['mac must be a MAC address like 00:1d:cd:12:34:56'] }],
            },
          ],
        },
      }),
      ApiStoreErrors({
        400: [
          {
            when: 'The body is neither text/csv nor JSON lines',
            body: {
              message:
                'send the rows as text/csv or as JSON lines (application/x-ndjson), one modem per line',
            },
          },
          {
            when: 'More than 100,000 rows',
            body: { message: 'at most 100000 rows per import (got 120000)' },
          },
        ],
        413: [unreadableBody('The body is over 20 MB', 'request body too large: at most 20971520 bytes')],
      }),
    ),
};
