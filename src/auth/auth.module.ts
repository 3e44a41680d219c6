import { Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { ApiKeysService } from './api-keys.service';
import { AuthGuard } from './auth.guard';
import { KeyAdminService } from './key-admin.service';
import { KeyThrottlerGuard } from './key-throttler.guard';
import { RateLimitStorage } from './rate-limit-storage';

/** API keys, roles and per-key rate limits for every HTTP route (guards run in this order). */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      // The shared counts (Redis) come from the store module; without Redis the throttler counts in process.
      inject: [AppConfig, RateLimitStorage],
      useFactory: (config: AppConfig, limits: RateLimitStorage): ThrottlerModuleOptions => ({
        throttlers: [
          { name: 'per-key', ttl: 60_000, limit: config.auth.ratePerMin || Number.MAX_SAFE_INTEGER },
        ],
        ...(limits.shared && { storage: limits.shared }),
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
