import { createHash, randomBytes } from 'node:crypto';

/**
 * agent: verify callers and look at the verified line; noc: the fleet and every line; operator: inventory writes and
 * remote reboots; admin: everything; reboot: may reboot a modem remotely (with agent: only a line it verified, by
 * its line token).
 */
export const ROLES = ['agent', 'noc', 'operator', 'admin', 'reboot'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see every line without a line token: any other key shows the token of a line it verified. */
export const ALL_LINES_ROLES: readonly Role[] = ['noc', 'operator', 'admin'];

/** Roles that may reboot a modem remotely (reboot: only lines the key may look at). */
export const REBOOT_ROLES: readonly Role[] = ['operator', 'reboot'];

/** A stored API key: only the hash of its secret is ever kept. */
export interface ApiKeyRecord {
  /** Short public id (the first 12 hex digits of the hash): safe to show and log. */
  id: string;
  name: string;
  roles: Role[];
  hash: string;
  source: 'config' | 'admin';
  createdAt: number;
}

/** Who is calling, as the guards and the audit log see it. */
export interface Caller {
  keyId: string;
  name: string;
  roles: readonly Role[];
}

/** Keys are 32 random bytes, so one SHA-256 is enough: there is nothing to brute-force as with passwords. */
export function hashKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function newKeySecret(): string {
  return `lck_${randomBytes(32).toString('base64url')}`;
}

/** `admin` holds every role: whoever manages the keys could give themselves any of them. */
export function hasRole(caller: Caller, allowed: readonly Role[]): boolean {
  return caller.roles.includes('admin') || caller.roles.some((r) => allowed.includes(r));
}

export function keyRecord(
  name: string,
  roles: Role[],
  hash: string,
  source: ApiKeyRecord['source'],
  now: number,
): ApiKeyRecord {
  return { id: hash.slice(0, 12), name, roles, hash, source, createdAt: now };
}

/**
 * `API_KEYS`: comma-separated `name:role+role:secret` or `name:role+role:sha256:<hex>` entries. Returns the
 * records and a list of problems (never echoing a secret).
 */
export function parseApiKeys(text: string, now: number): { keys: ApiKeyRecord[]; problems: string[] } {
  const keys: ApiKeyRecord[] = [];
  const problems: string[] = [];
  text
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .forEach((entry, i) => {
      const [name, roleList, ...rest] = entry.split(':');
      const secret = rest.join(':');
      const roles = (roleList ?? '').split('+').filter((r) => r !== '');
      const where = `API_KEYS entry ${i + 1}${name ? ` (${name})` : ''}`;
      const badRoles = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (!name || !/^[\w.@-]{1,64}$/.test(name)) {
        problems.push(`${where}: name must be 1-64 letters, digits, . _ @ -`);
      } else if (roles.length === 0 || badRoles.length > 0) {
        problems.push(`${where}: roles must be some of ${ROLES.join(', ')} joined by +`);
      } else if (secret.startsWith('sha256:')) {
        const hex = secret.slice('sha256:'.length).toLowerCase();
        if (!/^[0-9a-f]{64}$/.test(hex)) {
          problems.push(`${where}: sha256: must be followed by 64 hex digits`);
        } else {
          keys.push(keyRecord(name, roles as Role[], hex, 'config', now));
        }
      } else if (secret.length < 24) {
        problems.push(`${where}: the key must be at least 24 characters (or sha256:<hex> of one)`);
      } else {
        keys.push(keyRecord(name, roles as Role[], hashKey(secret), 'config', now));
      }
    });
  return { keys, problems };
}
