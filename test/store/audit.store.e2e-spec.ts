import type { AuditStore } from '../../src/audit/audit.store';
import { MemoryAuditStore } from '../../src/store/memory/memory-audit.store';
import { RedisAuditStore } from '../../src/store/redis/redis-audit.store';
import { BACKENDS, type Backend } from './store-fixtures';

describe.each(BACKENDS)('AuditStore contract (%s)', (_kind, open) => {
  let backend: Backend;
  let store: AuditStore;
  let clock: number;

  beforeEach(async () => {
    clock = 10_000_000;
    backend = await open();
    store = backend.space
      ? new RedisAuditStore(backend.space, () => clock)
      : new MemoryAuditStore(() => clock);
  });
  afterEach(() => backend.close());

  it('keeps the audit log newest first and drops entries past retention', async () => {
    const actor = { keyId: 'k1', name: 'desk' };
    await store.appendAudit({ at: clock - 7200_000, actor, action: 'old', outcome: 'ok' }, 3600);
    for (let i = 0; i < 3; i++) {
      await store.appendAudit(
        { at: clock + i, actor, action: 'verify', target: 'C1', outcome: i === 2 ? 'verified' : 'no_match' },
        3600,
      );
    }
    const entries = await store.listAudit(0, 10);
    expect(entries.map((e) => e.outcome)).toEqual(['verified', 'no_match', 'no_match']);
    expect(entries[0]).toEqual({ at: clock + 2, actor, action: 'verify', target: 'C1', outcome: 'verified' });
    expect(await store.listAudit(clock + 1, 1)).toHaveLength(1);
  });
});
