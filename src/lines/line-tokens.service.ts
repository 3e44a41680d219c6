import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { ALL_LINES_ROLES, type Caller } from '../domain/api-key';
import { AppConfig } from '../config/app-config';
import { LineTokenStore, type LineGrant } from './line-token.store';

/**
 * Short-lived proof that this API key verified the caller of this line. Stored by hash with a TTL, so every
 * instance honours it and it cannot be replayed by another key.
 */
@Injectable()
export class LineTokensService {
  constructor(
    private readonly config: AppConfig,
    @Inject(LineTokenStore) private readonly store: LineTokenStore,
  ) {}

  async issue(modemId: string, caller: Caller): Promise<{ lineToken: string; expiresAt: string }> {
    const token = `lt_${randomBytes(24).toString('base64url')}`;
    const ttlSec = this.config.auth.lineTokenTtlSec;
    const grant: LineGrant = { modemId, keyId: caller.keyId, expiresAt: Date.now() + ttlSec * 1000 };
    await this.store.putGrant(digest(token), grant, ttlSec);
    return { lineToken: token, expiresAt: new Date(grant.expiresAt).toISOString() };
  }

  async allows(token: string | undefined, modemId: string, caller: Caller): Promise<boolean> {
    if (!token) {
      return false;
    }
    const grant = await this.store.getGrant(digest(token));
    return (
      grant != null &&
      grant.modemId === modemId &&
      grant.keyId === caller.keyId &&
      grant.expiresAt > Date.now()
    );
  }

  /**
   * Keys with none of noc, operator and admin (agent keys, with or without reboot) need a line token when
   * LINE_TOKEN_REQUIRED; NOC, operator and admin keys do not.
   */
  needsToken(caller: Caller): boolean {
    return this.config.auth.lineTokenRequired && !caller.roles.some((r) => ALL_LINES_ROLES.includes(r));
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
