import { MemoryDocs } from '../../src/store/memory/memory-docs';
import { RedisDocs } from '../../src/store/redis/redis-docs';
import { BACKENDS, type Backend } from './store-fixtures';

// The document tables behind API keys, line tokens, remote actions and sweep triggers.
describe.each(BACKENDS)('document tables (%s)', (_kind, open) => {
  let backend: Backend;
  let clock: number;
  const table = <T>(kind: string): MemoryDocs<T> | RedisDocs<T> =>
    backend.space ? new RedisDocs<T>(backend.space, kind) : new MemoryDocs<T>(() => clock);

  beforeEach(async () => {
    clock = 10_000_000;
    backend = await open();
  });
  afterEach(() => backend.close());

  it('keeps documents, lists a kind, expires and deletes them', async () => {
    const keys = table<{ id: string; roles: string[] }>('key');
    const tokens = table<{ modemId: string }>('token');
    await keys.put('b', { id: 'b', roles: ['noc'] });
    await keys.put('a', { id: 'a', roles: ['agent'] });
    await tokens.put('t', { modemId: 'm' }, 60);
    expect(await keys.get('a')).toEqual({ id: 'a', roles: ['agent'] });
    expect(await keys.list()).toEqual([
      { id: 'a', roles: ['agent'] },
      { id: 'b', roles: ['noc'] },
    ]);
    expect(await keys.delete('a')).toBe(true);
    expect(await keys.delete('a')).toBe(false);
    expect(await keys.get('a')).toBeNull();
    expect(await tokens.get('t')).toEqual({ modemId: 'm' });
    // Expiring documents are read by id only: nothing lists them, so nothing of them outlives their TTL.
    expect(await tokens.list()).toEqual([]);
    await keys.put('c', { id: 'c', roles: ['noc'] }, 60);
    expect(await keys.list()).toEqual([{ id: 'b', roles: ['noc'] }]);
  });
});

describe('document tables in process', () => {
  it('forget a document once its TTL has passed', async () => {
    let clock = 0;
    const docs = new MemoryDocs<number>(() => clock);
    await docs.put('x', 1, 60);
    clock += 59_999;
    expect(await docs.get('x')).toBe(1);
    clock += 1;
    expect(await docs.get('x')).toBeNull();
  });
});
