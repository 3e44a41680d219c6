import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ME_EXAMPLE, MeResponse } from '../dto/me.response';
import { ApiDocs, ApiStoreErrors } from '../openapi.decorators';

/** The OpenAPI description of MeController's routes, one decorator per route. */
export const MeDocs = {
  me: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'The calling key and what it may do',
        description:
          'For any valid key: its public id, name and roles, and what they allow, so a page (the agent’s console) ' +
          'can hide what the key may not do: `checkLines` (verify callers and look at lines), `reboot` (a remote ' +
          'reboot: operator keys any modem, `reboot` keys a line they verified) and `needsLineToken` (the key must ' +
          'send a verified line’s X-Line-Token on its data and reboot).',
      }),
      ApiOkResponse({
        type: MeResponse,
        examples: {
          agentWithReboot: { summary: 'An agent key with the reboot right', value: ME_EXAMPLE },
          noc: {
            summary: 'A NOC key',
            value: {
              keyId: '7b21e0c94d5a',
              name: 'wall',
              roles: ['noc'],
              may: { checkLines: true, reboot: false, needsLineToken: false },
            },
          },
        },
      }),
      ApiStoreErrors(),
    ),
};
