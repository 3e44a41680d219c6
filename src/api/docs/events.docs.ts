import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { LIVE_EVENTS_EXAMPLE } from '../dto/events.response';
import { ApiDocs, ApiErrors } from '../openapi.decorators';

/** The OpenAPI description of EventsController's routes, one decorator per route. */
export const EventsDocs = {
  stream: (): MethodDecorator =>
    ApiDocs(
      ApiOperation({
        summary: 'Live events (server-sent events)',
        description:
          'A text/event-stream for live NOC dashboards: `hello` on connect, then `batch` events (at most two a ' +
          'second) saying what changed: new verdicts by modem and node, and sweep progress; a dashboard refreshes ' +
          'what they touch. A `heartbeat` every 15 s keeps proxies from closing the stream. Lossy by design: a ' +
          'missed batch is caught up by the next one. Open streams are capped per key (EVENTS_MAX_STREAMS_PER_KEY) ' +
          'and per instance (EVENTS_MAX_STREAMS): past either, 429 with Retry-After.',
      }),
      ApiOkResponse({
        description: 'The stream; it stays open until the client leaves.',
        content: { 'text/event-stream': { schema: { type: 'string' }, example: LIVE_EVENTS_EXAMPLE } },
      }),
      ApiErrors({
        429: [
          {
            when: 'This key already holds EVENTS_MAX_STREAMS_PER_KEY open streams, or the instance EVENTS_MAX_STREAMS',
            body: {
              message:
                'this key already holds 20 open event streams, the most allowed (EVENTS_MAX_STREAMS_PER_KEY); close one first',
            },
          },
        ],
      }),
    ),
};
