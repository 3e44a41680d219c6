import type { LiveBatch } from '../src/events/live-events';
import { RedisConnection } from '../src/store/redis-connection';
import { RedisLiveEvents } from '../src/store/redis-live-events';
import { eventually } from './support/eventually';
import { testRedisClusterUrl, testRedisUrl } from './support/test-app';

// Live events cross instances on Redis pub/sub: what one instance publishes, another one's subscribers get, on one
// Redis and on a cluster (where the two may be connected to different masters).

describe.each([
  ['one Redis', testRedisUrl],
  ['a Redis Cluster', testRedisClusterUrl],
])('live events on %s', (_kind, url) => {
  it('delivers a batch published by one instance to the subscribers of another', async () => {
    const prefix = `live-${Date.now()}:`;
    const a = new RedisLiveEvents(new RedisConnection(url(), prefix));
    const b = new RedisLiveEvents(new RedisConnection(url(), prefix));
    await Promise.all([a.connect(), b.connect()]);
    try {
      const seen: LiveBatch[] = [];
      b.subscribe((batch) => seen.push(batch));
      a.diagnosis({ modemId: 'm1', verdict: 'LINE_FAULT', cmtsId: 'c1', serviceGroupId: '1.2' });
      await eventually(() => expect(seen.length).toBeGreaterThan(0), { timeoutMs: 5_000 });
      expect(seen).toHaveLength(1);
      expect(seen[0].diagnoses).toEqual([
        { modemId: 'm1', verdict: 'LINE_FAULT', cmtsId: 'c1', serviceGroupId: '1.2' },
      ]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
