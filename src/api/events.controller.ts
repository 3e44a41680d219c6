import { Controller, Inject, Sse, type MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import { Roles } from '../auth/roles.decorator';
import { LiveEvents } from '../events/live-events';

const HEARTBEAT_MS = 15_000;

@Controller('api/v1/events')
@Roles('noc')
export class EventsController {
  constructor(@Inject(LiveEvents) private readonly events: LiveEvents) {}

  /**
   * Server-sent events for live dashboards: `batch` (what changed: diagnoses by modem and node, sweep progress),
   * at most two a second, and a `heartbeat` every 15 s so proxies keep the stream open.
   */
  @Sse()
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
