import { randomBytes } from 'node:crypto';
import type { RemoteAction } from '../../src/actions/remote-action';
import type { RemoteActionStore } from '../../src/actions/remote-action.store';
import type { ApiKeyStore } from '../../src/auth/api-key.store';
import { keyRecord } from '../../src/domain/api-key';
import type { LineTokenStore } from '../../src/lines/line-token.store';
import type { VerifyAttemptStore } from '../../src/lines/verify-attempt.store';
import {
  MemoryApiKeyStore,
  MemoryLineTokenStore,
  MemoryRemoteActionStore,
  MemoryVerifyAttemptStore,
} from '../../src/store/memory/memory-access.stores';
import {
  RedisApiKeyStore,
  RedisLineTokenStore,
  RedisRemoteActionStore,
  RedisVerifyAttemptStore,
} from '../../src/store/redis/redis-access.stores';
import { BACKENDS, type Backend } from './store-fixtures';

// API keys, line tokens, verification attempts and remote actions.
describe.each(BACKENDS)('access stores contract (%s)', (_kind, open) => {
  let backend: Backend;
  let keys: ApiKeyStore;
  let tokens: LineTokenStore;
  let attempts: VerifyAttemptStore;
  let actions: RemoteActionStore;

  beforeEach(async () => {
    backend = await open();
    const s = backend.space;
    keys = s ? new RedisApiKeyStore(s) : new MemoryApiKeyStore();
    tokens = s ? new RedisLineTokenStore(s) : new MemoryLineTokenStore();
    attempts = s ? new RedisVerifyAttemptStore(s) : new MemoryVerifyAttemptStore();
    actions = s ? new RedisRemoteActionStore(s) : new MemoryRemoteActionStore();
  });
  afterEach(() => backend.close());

  it('keeps API keys by hash, lists them in hash order, deletes them', async () => {
    const b = keyRecord('desk b', ['noc'], 'hash-b', 'admin', 1);
    const a = keyRecord('desk a', ['agent'], 'hash-a', 'admin', 2);
    await keys.putKey(b);
    await keys.putKey(a);
    expect(await keys.getKey('hash-a')).toEqual(a);
    expect(await keys.listKeys()).toEqual([a, b]);
    expect(await keys.deleteKey('hash-a')).toBe(true);
    expect(await keys.deleteKey('hash-a')).toBe(false);
    expect(await keys.getKey('hash-a')).toBeNull();
    expect(await keys.listKeys()).toEqual([b]);
  });

  it('keeps line grants by digest', async () => {
    const grant = { modemId: 'm1', keyId: 'k1', expiresAt: Date.now() + 60_000 };
    await tokens.putGrant('d1', grant, 60);
    expect(await tokens.getGrant('d1')).toEqual(grant);
    expect(await tokens.getGrant('d2')).toBeNull();
  });

  it('counts within a window that starts at the first count', async () => {
    const id = `n-${randomBytes(3).toString('hex')}`;
    expect(await attempts.getAttempts(id)).toEqual({ count: 0, ttlSec: 0 });
    expect(await attempts.bumpAttempts(id, 60)).toBe(1);
    expect(await attempts.bumpAttempts(id, 600)).toBe(2);
    const c = await attempts.getAttempts(id);
    expect(c.count).toBe(2);
    expect(c.ttlSec).toBeGreaterThan(50);
    expect(c.ttlSec).toBeLessThanOrEqual(60);
    await attempts.clearAttempts(id);
    expect((await attempts.getAttempts(id)).count).toBe(0);
  });

  it('keeps remote actions as they go, and the current action of a modem', async () => {
    const action: RemoteAction = {
      id: 'act-1',
      kind: 'reboot',
      modemId: 'm1',
      reason: 'test',
      requestedBy: { keyId: 'k1', name: 'desk' },
      channel: 'http',
      state: 'resetting',
      createdAt: '2026-12-03T00:00:00.000Z',
      updatedAt: '2026-12-03T00:00:00.000Z',
      steps: [{ at: '2026-12-03T00:00:00.000Z', state: 'resetting', note: 'SET docsDevResetNow.0 = 1' }],
      outcome: null,
      error: null,
    };
    await actions.saveAction(action, 60);
    await actions.setCurrentAction('m1', 'act-1', 60);
    expect(await actions.getAction('act-1')).toEqual(action);
    expect(await actions.currentAction('m1')).toBe('act-1');
    const done: RemoteAction = { ...action, state: 'done', error: null };
    await actions.saveAction(done, 60);
    expect(await actions.getAction('act-1')).toEqual(done);
    expect(await actions.getAction('act-2')).toBeNull();
    expect(await actions.currentAction('m2')).toBeNull();
  });
});
