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
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import type { Caller } from '../domain/api-key';
import { CurrentCaller } from '../auth/caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { AppConfig } from '../config/app-config';
import { LiveEvents } from '../events/live-events';
import { StreamSlots } from '../events/stream-slots';
import { EventsDocs } from './docs/events.docs';

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
  @EventsDocs.stream()
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
