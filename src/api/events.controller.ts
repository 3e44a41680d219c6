import {
  Controller,
  HttpException,
  HttpStatus,
  Inject,
  Req,
  Res,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import type { Caller } from '../domain/api-key';
import { CurrentCaller } from '../auth/caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { AppConfig } from '../config/app-config';
import { LiveEvents } from '../events/live-events';
import { StreamSlots } from '../events/stream-slots';
import { LIVE_EVENTS_EXAMPLE } from './dto/events.response';
import { ApiErrors } from './openapi.decorators';

const HEARTBEAT_MS = 15_000;
/** A refused stream's Retry-After: streams end when their dashboards close, at no predictable time. */
const STREAM_RETRY_AFTER_SEC = 30;

@ApiTags('fleet')
@Controller('api/v1/events')
@Roles('noc')
export class EventsController {
  private readonly slots: StreamSlots;

  constructor(
    @Inject(LiveEvents) private readonly events: LiveEvents,
    config: AppConfig,
  ) {
    this.slots = new StreamSlots(config.events);
  }

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
      'missed batch is caught up by the next one. Open streams are capped per key (EVENTS_MAX_STREAMS_PER_KEY) ' +
      'and per instance (EVENTS_MAX_STREAMS): past either, 429 with Retry-After.',
  })
  @ApiOkResponse({
    description: 'The stream; it stays open until the client leaves.',
    content: { 'text/event-stream': { schema: { type: 'string' }, example: LIVE_EVENTS_EXAMPLE } },
  })
  @ApiErrors({
    429: [
      {
        when: 'This key already holds EVENTS_MAX_STREAMS_PER_KEY open streams, or the instance EVENTS_MAX_STREAMS',
        body: {
          message:
            'this key already holds 20 open event streams, the most allowed (EVENTS_MAX_STREAMS_PER_KEY); close one first',
        },
      },
    ],
  })
  stream(
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Observable<MessageEvent> {
    const slot = this.slots.take(caller.keyId);
    if ('refused' in slot) {
      res.setHeader('Retry-After', String(STREAM_RETRY_AFTER_SEC));
      throw new HttpException({ statusCode: 429, message: slot.refused }, HttpStatus.TOO_MANY_REQUESTS);
    }
    req.once('close', slot.release);
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
        slot.release();
      };
    });
  }
}
