import { Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { MemoryTelemetryStore } from './memory-telemetry.store';
import { RedisTelemetryStore } from './redis-telemetry.store';
import { TelemetryStore } from './telemetry-store';

@Injectable()
class StoreCloser implements OnApplicationShutdown {
  constructor(@Inject(TelemetryStore) private readonly store: TelemetryStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}

@Module({
  providers: [
    {
      provide: TelemetryStore,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<TelemetryStore> => {
        const log = new Logger('TelemetryStore');
        if (config.redis.url) {
          log.log(`using Redis at ${redactUrl(config.redis.url)}, key prefix "${config.redis.keyPrefix}"`);
          const store = new RedisTelemetryStore(config.redis.url, config.redis.keyPrefix, config.retention);
          await store.connect();
          return store;
        }
        log.warn(
          'REDIS_URL is not set: using the in-process store (single instance; nothing survives a restart)',
        );
        return new MemoryTelemetryStore(config.retention);
      },
    },
    StoreCloser,
  ],
  exports: [TelemetryStore],
})
export class TelemetryModule {}
