import { Controller, Inject, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { Roles } from '../auth/roles.decorator';
import { LiveEvents } from '../events/live-events';
import { LIVE_EVENTS_EXAMPLE } from './dto/events.response';

const HEARTBEAT_MS = 15_000;

@ApiTags('fleet')
@Controller('api/v1/events')
@Roles('noc')
export class EventsController {
  constructor(@Inject(LiveEvents) private readonly events: LiveEvents) {}

  /**
   * Server-sent events for live dashboards: `batch` (what changed: diagnoses by modem and node, sweep progress),
   * at most two a second, and a `heartbeat` every 15 s so proxies keep the stream open.
   */
  @Sse()
  @ApiOperation({
    summary: 'Live events (server-sent events)',
    description:
      'A text/event-stream for live NOC dashboards: `hello` on connect, then `batch` events (at most two a ' +
      'second) saying what changed: new verdicts by modem and node, and sweep progress; a dashboard refreshes ' +
      'what they touch. A `heartbeat` every 15 s keeps proxies from closing the stream. Lossy by design: a ' +
      'missed batch is caught up by the next one.',
  })
  @ApiOkResponse({
    description: 'The stream; it stays open until the client leaves.',
    content: { 'text/event-stream': { schema: { type: 'string' }, example: LIVE_EVENTS_EXAMPLE } },
  })
  stream(): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      subscriber.next({ type: 'hello', data: { at: Date.now() } });
      const off = this.events.subscribe((batch) => subscriber.next({ type: 'batch', data: batch }));
      const heartbeat = setInterval(
        () => subscriber.next({ type: 'heartbeat', data: { at: Date.now() } }),
        HEARTBEAT_MS,
      );
      return () => {
        off();
        clearInterval(heartbeat);
      };
    });
  }
}
