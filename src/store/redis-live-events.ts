import Redis from 'ioredis';
import { LiveEvents, type LiveBatch } from '../events/live-events';

/**
 * Live events across instances on Redis pub/sub: a worker's sweep reaches the dashboards connected to any API
 * instance. Lossy by design (pub/sub): a dashboard that misses a batch catches up on the next one.
 */
export class RedisLiveEvents extends LiveEvents {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly channel: string;

  constructor(url: string, prefix: string) {
    super();
    this.channel = `${prefix}live`;
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true };
    this.pub = new Redis(url, options);
    this.sub = new Redis(url, { ...options, enableOfflineQueue: true });
    for (const c of [this.pub, this.sub]) {
      c.on('error', () => undefined);
    }
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
