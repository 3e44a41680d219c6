import { LiveEvents, type LiveBatch } from '../events/live-events';
import type { RedisClient, RedisConnection } from './redis-connection';

/**
 * Live events across instances on Redis pub/sub: a worker's sweep reaches the dashboards connected to any API
 * instance. Lossy by design (pub/sub): a dashboard that misses a batch catches up on the next one. On a cluster a
 * publication reaches the subscribers connected to any node.
 */
export class RedisLiveEvents extends LiveEvents {
  private readonly pub: RedisClient;
  private readonly sub: RedisClient;
  private readonly channel: string;

  constructor(connection: RedisConnection) {
    super();
    this.channel = `${connection.prefix}live`;
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true };
    this.pub = connection.open(options);
    this.sub = connection.open({ ...options, enableOfflineQueue: true });
    this.sub.on('message', (_channel: string, message: string) => {
      try {
        this.deliver(JSON.parse(message) as LiveBatch);
      } catch {
        // not ours: ignore
      }
    });
  }

  async connect(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    await this.sub.subscribe(this.channel);
  }

  protected send(batch: LiveBatch): void {
    this.pub.publish(this.channel, JSON.stringify(batch)).catch(() => undefined);
  }

  protected closeTransport(): Promise<void> {
    this.pub.disconnect();
    this.sub.disconnect();
    return Promise.resolve();
  }
}
