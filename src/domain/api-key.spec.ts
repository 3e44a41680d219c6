import { ALL_LINES_ROLES, hashKey, hasRole, parseApiKeys, REBOOT_ROLES } from './api-key';

describe('parseApiKeys', () => {
  const secret = 'a-very-long-secret-of-30-chars!';

  it('reads plain and hashed keys with one or more roles', () => {
    const { keys, problems } = parseApiKeys(
      `desk:agent:${secret}, wall:noc+operator:sha256:${'ab'.repeat(32)}`,
      5,
    );
    expect(problems).toEqual([]);
    expect(keys).toEqual([
      {
        id: hashKey(secret).slice(0, 12),
        name: 'desk',
        roles: ['agent'],
        hash: hashKey(secret),
        source: 'config',
        createdAt: 5,
      },
      {
        id: 'abababababab',
        name: 'wall',
        roles: ['noc', 'operator'],
        hash: 'ab'.repeat(32),
        source: 'config',
        createdAt: 5,
      },
    ]);
  });

  it('reads the reboot right given to an agent key', () => {
    const { keys, problems } = parseApiKeys(`desk:agent+reboot:${secret}`, 0);
    expect(problems).toEqual([]);
    expect(keys[0].roles).toEqual(['agent', 'reboot']);
    expect(hasRole({ keyId: 'k', name: 'desk', roles: keys[0].roles }, REBOOT_ROLES)).toBe(true);
    expect(hasRole({ keyId: 'k', name: 'desk', roles: ['agent'] }, REBOOT_ROLES)).toBe(false);
    // The right to reboot is no right to see every line.
    expect(hasRole({ keyId: 'k', name: 'desk', roles: keys[0].roles }, ALL_LINES_ROLES)).toBe(false);
  });

  it.each([
    ['desk:agent:short', 'at least 24 characters'],
    [`desk:boss:${secret}`, 'roles must be'],
    [`:agent:${secret}`, 'name must be'],
    ['desk:agent:sha256:xyz', '64 hex digits'],
  ])('refuses %s without echoing the secret', (text, problem) => {
    const { keys, problems } = parseApiKeys(text, 0);
    expect(keys).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
    expect(problems[0]).not.toContain(secret);
    expect(problems[0]).not.toContain('short');
  });
});

describe('hasRole', () => {
  it('grants a listed role, refuses others, and lets admin do everything', () => {
    const agent = { keyId: 'k', name: 'n', roles: ['agent'] as const };
    expect(hasRole(agent, ['agent', 'noc'])).toBe(true);
    expect(hasRole(agent, ['operator'])).toBe(false);
    expect(hasRole({ ...agent, roles: ['admin'] }, ['operator'])).toBe(true);
  });
});
