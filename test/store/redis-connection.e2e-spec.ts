import { StoreUnavailableError } from '../../src/common/store-unavailable.error';
import { RedisConnection } from '../../src/store/redis-connection';
import { RedisSpace } from '../../src/store/redis/redis-space';
import { RedisReadingStore } from '../../src/store/redis/redis-reading.store';
import { retention } from './store-fixtures';

describe('RedisConnection without a server', () => {
  it('refuses to start against an unreachable Redis or Redis Cluster with a stated error', async () => {
    const connection = new RedisConnection('redis://127.0.0.1:1', 'x:');
    await expect(connection.connect()).rejects.toThrow(StoreUnavailableError);
    const cluster = new RedisConnection('redis+cluster://127.0.0.1:1,127.0.0.1:2', 'x:');
    await expect(cluster.connect()).rejects.toThrow(StoreUnavailableError);
    await cluster.close();
  });

  it('turns a failed command into StoreUnavailableError (503 for callers)', async () => {
    const connection = new RedisConnection('redis://127.0.0.1:1', 'x:');
    const store = new RedisReadingStore(new RedisSpace(connection.client, connection.prefix), retention);
    await expect(store.latest('m1')).rejects.toThrow(StoreUnavailableError);
    await connection.close();
  });
});
