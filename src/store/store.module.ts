import {
  Global,
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Cluster } from 'ioredis';
import { RemoteActionStore } from '../actions/remote-action.store';
import { AuditStore } from '../audit/audit.store';
import { ApiKeyStore } from '../auth/api-key.store';
import { RateLimitStorage } from '../auth/rate-limit-storage';
import { LockStore } from '../common/lock.store';
import { StoreHealth } from '../common/store-health';
import { AppConfig } from '../config/app-config';
import { pollBudgetMs } from '../domain/snmp-target';
import { InProcessLiveEvents, LiveEvents } from '../events/live-events';
import { CmtsStore } from '../inventory/cmts.store';
import { ModemStore } from '../inventory/modem.store';
import { LineTokenStore } from '../lines/line-token.store';
import { VerifyAttemptStore } from '../lines/verify-attempt.store';
import { ReadingStore } from '../readings/reading.store';
import { InProcessSweepRunner, SweepRunner } from '../sweep/sweep-runner';
import { SweepStore } from '../sweep/sweep.store';
import { VisitStore } from '../visits/visit.store';
import { BullMqSweepRunner, sweepQueuePrefix } from './bullmq-sweep-runner';
import {
  MemoryApiKeyStore,
  MemoryLineTokenStore,
  MemoryRemoteActionStore,
  MemoryVerifyAttemptStore,
} from './memory/memory-access.stores';
import { MemoryAuditStore } from './memory/memory-audit.store';
import { MemoryCmtsStore } from './memory/memory-cmts.store';
import { MemoryLockStore } from './memory/memory-lock.store';
import { MemoryModemStore } from './memory/memory-modem.store';
import { MemoryReadingStore } from './memory/memory-reading.store';
import { MemorySweepStore } from './memory/memory-sweep.store';
import { MemoryVisitStore } from './memory/memory-visit.store';
import { RedisConnection } from './redis-connection';
import { RedisLiveEvents } from './redis-live-events';
import {
  RedisApiKeyStore,
  RedisLineTokenStore,
  RedisRemoteActionStore,
  RedisVerifyAttemptStore,
} from './redis/redis-access.stores';
import { RedisAuditStore } from './redis/redis-audit.store';
import { RedisCmtsStore } from './redis/redis-cmts.store';
import { RedisLockStore } from './redis/redis-lock.store';
import { RedisModemStore } from './redis/redis-modem.store';
import { RedisReadingStore } from './redis/redis-reading.store';
import { RedisSpace } from './redis/redis-space';
import { RedisSweepStore } from './redis/redis-sweep.store';
import { RedisVisitStore } from './redis/redis-visit.store';

/**
 * The backend chosen at start: the shared Redis connection (one server or a cluster) when REDIS_URL is set, else none
 * (in-process twins).
 */
export class StoreBackend {
  /** The stores' view of the shared connection (key prefix included). */
  readonly space: RedisSpace | undefined;

  constructor(readonly redis: RedisConnection | undefined) {
    this.space = redis && new RedisSpace(redis.client, redis.prefix);
  }
}

type Port<T> = abstract new (...args: never[]) => T;

/** A port's provider: its Redis implementation on the shared connection, or its in-process twin. */
function port<T>(
  token: Port<T>,
  redis: (space: RedisSpace, config: AppConfig) => T,
  memory: (config: AppConfig) => T,
): Provider {
  return {
    provide: token,
    inject: [StoreBackend, AppConfig],
    useFactory: (backend: StoreBackend, config: AppConfig): T =>
      backend.space ? redis(backend.space, config) : memory(config),
  };
}

const STORES = [
  port(
    ModemStore,
    (s) => new RedisModemStore(s),
    () => new MemoryModemStore(),
  ),
  port(
    CmtsStore,
    (s) => new RedisCmtsStore(s),
    () => new MemoryCmtsStore(),
  ),
  port(
    ReadingStore,
    (s, c) => new RedisReadingStore(s, c.retention),
    (c) => new MemoryReadingStore(c.retention),
  ),
  port(
    LockStore,
    (s) => new RedisLockStore(s),
    () => new MemoryLockStore(),
  ),
  port(
    SweepStore,
    (s) => new RedisSweepStore(s),
    () => new MemorySweepStore(),
  ),
  port(
    ApiKeyStore,
    (s) => new RedisApiKeyStore(s),
    () => new MemoryApiKeyStore(),
  ),
  port(
    LineTokenStore,
    (s) => new RedisLineTokenStore(s),
    () => new MemoryLineTokenStore(),
  ),
  port(
    VerifyAttemptStore,
    (s) => new RedisVerifyAttemptStore(s),
    () => new MemoryVerifyAttemptStore(),
  ),
  port(
    RemoteActionStore,
    (s) => new RedisRemoteActionStore(s),
    () => new MemoryRemoteActionStore(),
  ),
  port(
    AuditStore,
    (s) => new RedisAuditStore(s),
    () => new MemoryAuditStore(),
  ),
  port(
    VisitStore,
    (s) => new RedisVisitStore(s),
    () => new MemoryVisitStore(),
  ),
  port(
    StoreHealth,
    (s): StoreHealth => ({ kind: 'redis', ping: () => s.run(() => s.redis.ping()).then(() => undefined) }),
    (): StoreHealth => ({ kind: 'memory', ping: () => Promise.resolve() }),
  ),
];

/**
 * Closes the sweep runner first, before any other module shuts down (the HTTP server, the simulated fleet), so
 * that the chunks it lets finish still have everything they poll and count with; then, last of all, live events and
 * every Redis connection.
 */
@Injectable()
class StoreCloser implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(SweepRunner) private readonly runner: SweepRunner,
    @Inject(LiveEvents) private readonly events: LiveEvents,
    private readonly backend: StoreBackend,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.events.close();
    await this.backend.redis?.close();
  }
}

/**
 * Every store port, live events, the sweep runner and the rate-limit storage: on the shared Redis when REDIS_URL
 * is set (one connection factory: RedisConnection), in this process otherwise. The only module that connects.
 */
@Global()
@Module({
  providers: [
    {
      provide: StoreBackend,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<StoreBackend> => {
        const log = new Logger('Store');
        if (config.redis.url) {
          const redis = new RedisConnection(config.redis.url, config.redis.keyPrefix);
          log.log(`using ${redis.describe()}, key prefix "${config.redis.keyPrefix}"`);
          await redis.connect();
          return new StoreBackend(redis);
        }
        log.warn(
          'REDIS_URL is not set: using the in-process store (single instance; nothing survives a restart)',
        );
        return new StoreBackend(undefined);
      },
    },
    ...STORES,
    {
      provide: LiveEvents,
      inject: [StoreBackend],
      useFactory: async ({ redis }: StoreBackend): Promise<LiveEvents> => {
        if (!redis) {
          return new InProcessLiveEvents();
        }
        const events = new RedisLiveEvents(redis);
        await events.connect();
        return events;
      },
    },
    {
      provide: SweepRunner,
      inject: [StoreBackend, AppConfig],
      useFactory: ({ redis }: StoreBackend, config: AppConfig): SweepRunner => {
        if (!redis) {
          return new InProcessSweepRunner();
        }
        return new BullMqSweepRunner(redis.bullmq(), sweepQueuePrefix(redis.prefix), {
          worker: config.sweep.role !== 'api',
          chunkConcurrency: 2,
          // A chunk's lock outlives its slowest modem (every poll timing out) several times over.
          lockMs: (config.sweep.lockSec ?? 0) * 1000 || Math.max(30_000, pollBudgetMs(config.snmp) * 2),
        });
      },
    },
    {
      provide: RateLimitStorage,
      inject: [StoreBackend],
      // Counts on the shared Redis, so a key's limit holds across instances; outages surface as failed counts
      // (KeyThrottlerGuard lets the request through). Its keys carry their own hash tags (one slot per count).
      useFactory: ({ redis }: StoreBackend): RateLimitStorage => {
        const client = redis?.openForRateLimits();
        return {
          shared:
            client &&
            (client instanceof Cluster
              ? new ThrottlerStorageRedisService(client)
              : new ThrottlerStorageRedisService(client)),
        };
      },
    },
    StoreCloser,
  ],
  exports: [
    ...STORES.map((p) => (p as { provide: Port<unknown> }).provide),
    LiveEvents,
    SweepRunner,
    RateLimitStorage,
  ],
})
export class StoreModule {}
