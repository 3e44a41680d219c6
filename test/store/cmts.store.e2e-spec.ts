import type { CmtsStore } from '../../src/inventory/cmts.store';
import { MemoryCmtsStore } from '../../src/store/memory/memory-cmts.store';
import { RedisCmtsStore } from '../../src/store/redis/redis-cmts.store';
import { BACKENDS, type Backend } from './store-fixtures';

describe.each(BACKENDS)('CmtsStore contract (%s)', (_kind, open) => {
  let backend: Backend;
  let store: CmtsStore;

  beforeEach(async () => {
    backend = await open();
    store = backend.space ? new RedisCmtsStore(backend.space) : new MemoryCmtsStore();
  });
  afterEach(() => backend.close());

  it('keeps CMTS records', async () => {
    const cmts = {
      id: 'c9',
      host: 'h',
      port: 161,
      snmp: { version: '2c' as const, community: 's' },
      setPointDbmv: 0,
      createdAt: 1,
      updatedAt: 1,
    };
    await store.putCmts(cmts);
    expect(await store.getCmts('c9')).toEqual(cmts);
    expect((await store.listCmts()).map((c) => c.id)).toEqual(['c9']);
    expect(await store.deleteCmts('c9')).toBe(true);
    expect(await store.deleteCmts('c9')).toBe(false);
    expect(await store.getCmts('c9')).toBeNull();
    expect(await store.listCmts()).toEqual([]);
  });
});
