import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { SERVICE_GROUP_ID_MESSAGE } from '../dto/cmts.dto';
import {
  NODE_DETAIL_EXAMPLE,
  NODE_SUMMARY_EXAMPLE,
  NodeDetailResponse,
  NodeListResponse,
} from '../dto/cmts.response';
import { ApiDocs, ApiStoreErrors, invalid, UNKNOWN_CMTS } from '../openapi.decorators';

const NODE_STATES =
  'OUTAGE (many modems offline at the CMTS: no house calls), NODE_WIDE_FAULT (the same fault on a share of the ' +
  'node: a plant problem), DEGRADED, OK, or UNKNOWN (the CMTS did not answer)';

/** The OpenAPI description of NodesController's routes, one decorator per route. */
export const NodesDocs = {
  list: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'List nodes',
        description:
          `Every service group (node) of every CMTS, or of one: its state (${NODE_STATES}), modems by latest ` +
          'verdict, offline count and share, and shared faults. `sort=worst` puts outages first: the NOC’s view, ' +
          'and how an agent tells "the whole street is down" from "this home".',
      }),
      ApiOkResponse({ type: NodeListResponse, example: { items: [NODE_SUMMARY_EXAMPLE] } }),
      ApiStoreErrors({
        400: [
          invalid('sort is neither worst nor id', [
            { field: 'sort', problems: ['sort must be one of the following values: worst, id'] },
          ]),
        ],
        404: [UNKNOWN_CMTS],
      }),
    ),
  node: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'One node',
        description:
          `One node’s state (${NODE_STATES}), modems by verdict, offline share, shared faults and its worst ` +
          'modems (up to 10), from the CMTS’s current rows plus each modem’s latest verdict.',
      }),
      ApiOkResponse({ type: NodeDetailResponse, example: NODE_DETAIL_EXAMPLE }),
      ApiStoreErrors({
        400: [
          invalid('serviceGroupId is not <MdIfIndex>.<MdCmSgId>', [
            {
              field: 'serviceGroupId',
              problems: [SERVICE_GROUP_ID_MESSAGE],
            },
          ]),
        ],
        404: [
          UNKNOWN_CMTS,
          { when: 'The CMTS has no such node', body: { message: 'unknown node 1000.9 on sim-cmts-1' } },
        ],
      }),
    ),
};
