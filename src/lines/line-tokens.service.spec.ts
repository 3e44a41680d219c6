import type { AppConfig } from '../config/app-config';
import type { Caller, Role } from '../domain/api-key';
import { MemoryLineTokenStore } from '../store/memory/memory-access.stores';
import { LineTokensService } from './line-tokens.service';

describe('LineTokensService.needsToken', () => {
  const service = (lineTokenRequired: boolean): LineTokensService =>
    new LineTokensService(
      { auth: { lineTokenRequired, lineTokenTtlSec: 60 } } as unknown as AppConfig,
      new MemoryLineTokenStore(),
    );
  const caller = (...roles: Role[]): Caller => ({ keyId: 'k', name: 'k', roles });

  it.each<[Role[], boolean]>([
    [['agent'], true],
    [['agent', 'reboot'], true],
    [['reboot'], true],
    [['noc'], false],
    [['operator'], false],
    [['admin'], false],
    [['agent', 'noc'], false],
    [['agent', 'reboot', 'operator'], false],
  ])('a key with %j needs a line token: %s', (roles, needs) => {
    expect(service(true).needsToken(caller(...roles))).toBe(needs);
    expect(service(false).needsToken(caller(...roles))).toBe(false);
  });
});
