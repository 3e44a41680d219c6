import { ApiCreatedResponse, ApiOperation } from '@nestjs/swagger';
import { ReplayResponse } from '../dto/replay.response';
import { ApiDocs, ApiRequestContent, ApiStoreErrors, invalid, UNKNOWN_CMTS } from '../openapi.decorators';

const WALK_EXAMPLE = [
  '.1.3.6.1.2.1.1.1.0 = STRING: "<<HW_REV: 1.0; VENDOR: Arris; SW_REV: 9.1.103; MODEL: TM1602A>>"',
  '.1.3.6.1.2.1.1.3.0 = Timeticks: (254598813) 29 days, 11:13:08.13',
  '.1.3.6.1.2.1.2.2.1.3.3 = INTEGER: 128',
  '.1.3.6.1.2.1.10.127.1.1.1.1.6.3 = INTEGER: 1',
  '.1.3.6.1.2.1.10.127.1.2.2.1.1.2 = INTEGER: 12',
  '.1.3.6.1.2.1.17.4.3.1.3.0.29.205.90.0.4 = INTEGER: 4',
  '',
].join('\n');

const SNMPREC_EXAMPLE = [
  '1.3.6.1.2.1.1.1.0|4|<<HW_REV: 1.0; VENDOR: Arris; SW_REV: 9.1.103; MODEL: TM1602A>>',
  '1.3.6.1.2.1.1.3.0|67|254598813',
  '1.3.6.1.2.1.2.2.1.3.3|2|128',
  '1.3.6.1.2.1.10.127.1.1.1.1.6.3|2|1',
  '',
].join('\n');

export const NOT_TEXT =
  'send the capture as the request body with Content-Type: text/plain (snmpwalk -On output or an snmprec file)';

/** The OpenAPI description of ReplayController's routes, one decorator per route. */
export const ReplayDocs = {
  register: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Replay a captured walk of a real device',
        description:
          'Registers a capture of a real modem (or, with `as=cmts`, a CMTS) as a device the simulator’s SNMP agent ' +
          'serves with the captured types and values, and puts it in the inventory: then ' +
          '`GET /api/v1/modems/{id}/diagnosis` diagnoses it as the poller reads it. The body is the capture as ' +
          '`text/plain`, up to 20 MB: `snmpwalk -v2c -c <community> -On -Ob <host> .1` output, or an snmprec file ' +
          '(`oid|tag|value`). The id is derived from the capture, so posting it again updates the same device. To ' +
          'diagnose a modem with its CMTS, register the CMTS capture first and pass its id as `cmtsId`.',
      }),
      ApiRequestContent({
        description: 'The captured walk.',
        content: {
          'text/plain': {
            schema: { type: 'string' },
            examples: {
              snmpwalk: { summary: 'snmpwalk -On output (part of one)', value: WALK_EXAMPLE },
              snmprec: { summary: 'An snmprec file (part of one)', value: SNMPREC_EXAMPLE },
            },
          },
        },
      }),
      ApiCreatedResponse({
        type: ReplayResponse,
        example: {
          id: 'replay-3f9a0c1d2b7e',
          kind: 'modem',
          format: 'snmpwalk',
          objects: 476,
          exceptions: 1,
          mac: '00:1d:cd:5a:00:04',
          cmtsId: null,
          next: '/api/v1/modems/replay-3f9a0c1d2b7e/diagnosis',
          registeredAt: '2026-12-03T10:42:52.000Z',
        },
      }),
      ApiStoreErrors({
        400: [
          invalid('Lines of the capture are not a walk', [
            {
              field: 'line 2',
              problems: ["expected an INTEGER such as 3, -15 or operational(12), found 'lots'"],
            },
            {
              field: 'line 7',
              problems: [
                'expected a numeric OID such as .1.3.6.1.2.1.1.1.0 (capture with snmpwalk -On), found ' +
                  "'SNMPv2-MIB::sysName.0'",
              ],
            },
          ]),
          { when: 'The body is not text/plain', body: { message: NOT_TEXT } },
          invalid('A query parameter is out of range', [
            { field: 'as', problems: ['as must be modem or cmts'] },
          ]),
        ],
        404: [UNKNOWN_CMTS],
        413: [
          {
            when: 'The capture is over 20 MB',
            body: {
              message: 'request body too large: at most 20971520 bytes',
              fields: [{ field: 'body', problems: ['request body too large: at most 20971520 bytes'] }],
            },
          },
        ],
      }),
    ),
};
