import { Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { AppConfig } from '../config/app-config';
import { TelemetryModule } from '../store/telemetry.module';
import { ApiKeysService } from './api-keys.service';
import { AuthGuard } from './auth.guard';
import { KeyAdminService } from './key-admin.service';
import { KeyThrottlerGuard } from './key-throttler.guard';

/** Counts on the shared Redis, so a key's limit holds across instances; fails fast while Redis is away. */
function redisLimitStore(url: string, prefix: string): ThrottlerStorageRedisService {
  const storage = new ThrottlerStorageRedisService(url, {
    keyPrefix: `${prefix}throttle:`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1500,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  storage.redis.on('error', () => undefined); // outages surface as failed counts (KeyThrottlerGuard)
  return storage;
}

/** API keys, roles and per-key rate limits for every HTTP route (guards run in this order). */
@Global()
@Module({
  imports: [
    TelemetryModule,
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig): ThrottlerModuleOptions => ({
        throttlers: [
          { name: 'per-key', ttl: 60_000, limit: config.auth.ratePerMin || Number.MAX_SAFE_INTEGER },
        ],
        ...(config.redis.url && { storage: redisLimitStore(config.redis.url, config.redis.keyPrefix) }),
      }),
    }),
  ],
  providers: [
    ApiKeysService,
    KeyAdminService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: KeyThrottlerGuard },
  ],
  exports: [ApiKeysService, KeyAdminService],
})
export class AuthModule {
  constructor(keys: ApiKeysService) {
    if (!keys.enforced) {
      new Logger('Auth').warn(
        '*** NO API_KEYS: every caller has every role. Allowed only because HOST is loopback. Set API_KEYS before exposing this service. ***',
      );
    }
  }
}
