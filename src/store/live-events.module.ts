import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { RedisLiveEvents } from './redis-live-events';
import { InProcessLiveEvents, LiveEvents } from '../events/live-events';

@Injectable()
class LiveEventsCloser implements OnApplicationShutdown {
  constructor(@Inject(LiveEvents) private readonly events: LiveEvents) {}

  onApplicationShutdown(): Promise<void> {
    return this.events.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: LiveEvents,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<LiveEvents> => {
        if (!config.redis.url) {
          return new InProcessLiveEvents();
        }
        const events = new RedisLiveEvents(config.redis.url, config.redis.keyPrefix);
        await events.connect();
        return events;
      },
    },
    LiveEventsCloser,
  ],
  exports: [LiveEvents],
})
export class LiveEventsModule {}
