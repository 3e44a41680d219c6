import { ApiAcceptedResponse, ApiBody, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { RebootDto } from '../dto/lines.dto';
import { ACTION_DONE_EXAMPLE, ACTION_STARTED_EXAMPLE, RemoteActionResponse } from '../dto/lines.response';
import { ApiDocs, ApiModemErrors, ApiStoreErrors, invalid, withJsonBody } from '../openapi.decorators';

/** The OpenAPI description of ActionsController's routes, one decorator per route. */
export const ActionsDocs = {
  reboot: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Reboot a modem',
        description:
          'The remote fix for a MARGINAL line: sends SNMP SET docsDevResetNow (with the modem’s write community, ' +
          'or v3) and follows the modem in the background until it answers with a fresh uptime, then diagnoses it ' +
          'again. Poll GET /api/v1/actions/{id} for the outcome. One reboot per modem per REBOOT_COOLDOWN_SEC, ' +
          'across instances; every step is in the audit log. Operator keys may reboot any modem; a key with the ' +
          '`reboot` role (an agent key given the right, e.g. `desk:agent+reboot:<secret>`) only a line it verified: ' +
          'it sends that line’s X-Line-Token (when LINE_TOKEN_REQUIRED, the default).',
      }),
      ApiBody({
        type: RebootDto,
        examples: {
          marginal: {
            summary: 'After a MARGINAL verdict',
            value: { reason: 'MARGINAL: uncorrectables on DS 1-3, customer consents' },
          },
        },
      }),
      ApiAcceptedResponse({
        type: RemoteActionResponse,
        description: 'The reset is being sent; the action is followed in the background.',
        example: ACTION_STARTED_EXAMPLE,
      }),
      ApiModemErrors(
        withJsonBody({
          400: [
            invalid('No reason, or a too short one', [
              { field: 'reason', problems: ['reason must be longer than or equal to 3 characters'] },
            ]),
          ],
          409: [
            {
              when: 'The modem was rebooted within the cool-down; actionId is that reboot',
              body: {
                message:
                  'modem sim-cm-00001 was rebooted less than 600 s ago; one reboot per modem per cool-down',
                actionId: 'act-mww5arux-19daa6',
              },
            },
          ],
          422: [
            {
              when: 'The modem has no SNMP write access configured (a v2c writeCommunity, or v3)',
              body: {
                message:
                  'modem sim-cm-00003 has no SNMP write access configured (snmp.writeCommunity for v2c, or v3)',
              },
            },
          ],
        }),
      ),
    ),
  get: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'How a remote action went',
        description:
          'The action’s state (resetting, waiting_for_modem, then done or failed), its steps, and the fresh ' +
          'diagnosis once the modem is back. Operator keys see every action; a key with the `reboot` role only the ' +
          'actions it started (another key’s action answers 404, as an unknown one).',
      }),
      ApiOkResponse({
        type: RemoteActionResponse,
        examples: {
          done: { summary: 'Done: the modem is back and diagnosed', value: ACTION_DONE_EXAMPLE },
          running: { summary: 'Still resetting', value: ACTION_STARTED_EXAMPLE },
        },
      }),
      ApiStoreErrors({
        400: [
          invalid('The id is too long', [
            { field: 'id', problems: ['id must be shorter than or equal to 64 characters'] },
          ]),
        ],
        404: [
          {
            when: 'No action with this id (or it is past AUDIT_RETENTION_SEC), or, for a key without operator, one another key started',
            body: { message: 'unknown action act-mww5arux-19daa6' },
          },
        ],
      }),
    ),
};
