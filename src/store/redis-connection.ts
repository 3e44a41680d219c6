import type { ConnectionOptions } from 'bullmq';
import Redis, { type RedisOptions } from 'ioredis';
import { StoreUnavailableError } from '../common/store-unavailable.error';

/** Reconnect every 200 ms more, at most every 2 s. */
const retryStrategy = (times: number): number => Math.min(times * 200, 2000);

/**
 * The one place Linecheck connects to Redis: the stores' shared command connection, further connections of their
 * own for pub/sub and the rate-limit counts, and the connection options BullMQ builds its clients from. Closing it
 * closes every connection it made.
 */
export class RedisConnection {
  /** The command connection every store shares. */
  readonly client: Redis;
  private readonly others = new Set<Redis>();

  constructor(
    readonly url: string,
    /** Every key and channel starts with it. */
    readonly prefix: string,
  ) {
    // Fail fast while Redis is away instead of queueing requests behind a reconnect: callers answer 503.
    this.client = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      enableAutoPipelining: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      // A Redis that stops answering (paused, overloaded) must not hold requests: fail them after this.
      commandTimeout: 1500,
      retryStrategy,
    });
    this.client.on('error', () => undefined);
  }

  /** First connection: a configured Redis that cannot be reached at start stops the start. */
  async connect(): Promise<void> {
    try {
      await this.client.connect();
    } catch (error) {
      this.client.disconnect();
      throw new StoreUnavailableError(
        `cannot reach Redis: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** A connection of its own (a subscriber, a publisher), closed with the rest; its errors are the caller's. */
  open(options: RedisOptions): Redis {
    const connection = new Redis(this.url, options);
    connection.on('error', () => undefined);
    this.others.add(connection);
    return connection;
  }

  /** For the rate-limit counts (throttle:* keys): fails fast while Redis is away, like the stores. */
  openForRateLimits(): Redis {
    return this.open({
      keyPrefix: `${this.prefix}throttle:`,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1500,
      retryStrategy,
    });
  }

  /** BullMQ takes connection options and makes its own (blocking) clients from them. */
  bullmq(): ConnectionOptions {
    return bullConnection(this.url);
  }

  close(): Promise<void> {
    this.client.disconnect();
    for (const c of this.others) {
      c.disconnect();
    }
    this.others.clear();
    return Promise.resolve();
  }
}

/** BullMQ connection options for a Redis URL (retries forever: BullMQ's blocking clients must not give up). */
export function bullConnection(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
  };
}
