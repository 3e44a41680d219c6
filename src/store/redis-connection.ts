import type { ConnectionOptions } from 'bullmq';
import Redis, { Cluster, type RedisOptions } from 'ioredis';
import { StoreUnavailableError } from '../common/store-unavailable.error';
import { parseRedisUrl, type RedisTarget } from '../config/redis-url';

/** What the stores talk to: one Redis, or a Redis Cluster (the same commands; a multi-key one within one slot). */
export type RedisClient = Redis | Cluster;

/** Reconnect every 200 ms more, at most every 2 s. */
const retryStrategy = (times: number): number => Math.min(times * 200, 2000);

/**
 * The one place Linecheck connects to Redis, a single server or a cluster (REDIS_URL, see config/redis-url.ts): the
 * stores' shared command connection, further connections of their own for pub/sub and the rate-limit counts, and
 * the connection BullMQ builds its clients from. Closing it closes every connection it made.
 */
export class RedisConnection {
  /** The command connection every store shares. */
  readonly client: RedisClient;
  private readonly target: RedisTarget;
  private readonly others = new Set<RedisClient>();

  constructor(
    readonly url: string,
    /** Every key and channel starts with it. */
    readonly prefix: string,
  ) {
    this.target = parseRedisUrl(url);
    // Fail fast while Redis is away instead of queueing requests behind a reconnect: callers answer 503.
    this.client = this.make({
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

  /** Where it connects, with no credentials: for logs. */
  describe(): string {
    const t = this.target;
    return t.kind === 'single'
      ? `Redis at ${t.url.replace(/\/\/([^@/]*)@/, '//***@')}`
      : `a Redis Cluster (seed nodes ${t.nodes.map((n) => `${n.host}:${n.port}`).join(', ')}${t.tls ? ', TLS' : ''})`;
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
  open(options: RedisOptions): RedisClient {
    const connection = this.make(options);
    connection.on('error', () => undefined);
    this.others.add(connection);
    return connection;
  }

  /** For the rate-limit counts (throttle:* keys): fails fast while Redis is away, like the stores. */
  openForRateLimits(): RedisClient {
    return this.open({
      keyPrefix: `${this.prefix}throttle:`,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 1500,
      retryStrategy,
    });
  }

  /**
   * What BullMQ builds its clients from: options for one Redis (it makes its own blocking clients), or a cluster
   * connection (closed with the rest; its workers duplicate it). Both retry forever: BullMQ's blocking clients must
   * not give up.
   */
  bullmq(): ConnectionOptions {
    return this.target.kind === 'single'
      ? bullConnection(this.target.url)
      : this.open({ maxRetriesPerRequest: null });
  }

  close(): Promise<void> {
    this.client.disconnect();
    for (const c of this.others) {
      c.disconnect();
    }
    this.others.clear();
    return Promise.resolve();
  }

  /**
   * A client with these options: a Redis, or a Cluster with the same behaviour (queueing, prefix, pipelining and
   * reconnects for the cluster as a whole; timeouts and retries per node).
   */
  private make(options: RedisOptions): RedisClient {
    const t = this.target;
    if (t.kind === 'single') {
      return new Redis(t.url, options);
    }
    const {
      lazyConnect,
      enableOfflineQueue,
      keyPrefix,
      enableAutoPipelining,
      retryStrategy: retry,
      ...perNode
    } = options;
    return new Cluster(t.nodes, {
      lazyConnect,
      enableOfflineQueue,
      keyPrefix,
      enableAutoPipelining,
      ...(retry ? { clusterRetryStrategy: retry } : {}),
      // TLS certificates name the hosts: keep the names the cluster announces (ElastiCache) instead of their IPs.
      ...(t.tls ? { dnsLookup: (address, callback) => callback(null, address) } : {}),
      redisOptions: {
        ...perNode,
        ...(t.username ? { username: t.username } : {}),
        ...(t.password ? { password: t.password } : {}),
        ...(t.tls ? { tls: {} } : {}),
      },
    });
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
