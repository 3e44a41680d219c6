import { Inject, Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { TooManyAttemptsError } from '../common/app-errors';
import type { Caller } from '../domain/api-key';
import { AppConfig } from '../config/app-config';
import { chooseCallScripts } from '../diagnosis/call-scripts';
import type { Lang } from '../domain/language';
import { sortServices, type CustomerService, type ModemRecord } from '../domain/modem-record';
import { Messages } from '../i18n/messages';
import { normalizeCustomerNumber } from '../inventory/customer-number';
import { ModemStore } from '../inventory/modem.store';
import { callScriptTexts, type CallScriptText } from './call-script-texts';
import { matchesCustomer } from './caller-match';
import { LineTokensService } from './line-tokens.service';
import { VerifyAttemptStore } from './verify-attempt.store';

export interface VerifyRequest {
  customerNumber: string;
  fullName?: string;
  address?: string;
}

export type VerifyResult =
  | {
      verified: true;
      customerNumber: string;
      lines: { modemId: string; lineToken: string; expiresAt: string }[];
      /** The union of the matched records' services, in CUSTOMER_SERVICES order; null when none of them says. */
      services: CustomerService[] | null;
      /** What to say on a call not about the line (chooseCallScripts with no verdict yet), in the request's language. */
      scripts: CallScriptText[];
    }
  | { verified: false; attemptsLeft: number; lockedForSec?: number };

/** Verification locked for this customer number after too many failures: 429 with retryAfterSec. */
export class LockedOutError extends TooManyAttemptsError {
  override name = 'LockedOutError';

  constructor(retryAfterSec: number) {
    super(
      `too many failed verifications for this customer number: try again in ${retryAfterSec} s`,
      retryAfterSec,
    );
  }
}

/**
 * Customer number plus full name or address, before anything about a line is said. A failure never says which
 * part did not match (an unknown customer number fails the same way), and failures per customer number lock
 * verification for that number for a while.
 */
@Injectable()
export class VerificationService {
  constructor(
    private readonly config: AppConfig,
    @Inject(ModemStore) private readonly modems: ModemStore,
    /** Attempts per customer number since the last success, in a window of VERIFY_LOCKOUT_SEC. */
    @Inject(VerifyAttemptStore) private readonly attempts: VerifyAttemptStore,
    private readonly tokens: LineTokensService,
    private readonly audit: AuditService,
    private readonly messages: Messages,
  ) {}

  /** lang: the language of the answer's call scripts. */
  async verify(
    claim: VerifyRequest,
    caller: Caller,
    channel: 'http' | 'mcp',
    lang: Lang,
  ): Promise<VerifyResult> {
    const { verifyMaxFailures: maxFailures, verifyLockoutSec: lockoutSec } = this.config.auth;
    const number = normalizeCustomerNumber(claim.customerNumber);
    const by =
      claim.fullName != null && claim.address != null
        ? 'name+address'
        : claim.fullName != null
          ? 'name'
          : 'address';
    // Counted before comparing (atomically), so a burst of parallel guesses cannot slip past the limit.
    const attempt = await this.attempts.bumpAttempts(number, lockoutSec);
    if (attempt > maxFailures) {
      const { ttlSec } = await this.attempts.getAttempts(number);
      await this.audit.record(caller, 'line.verify', number, 'locked_out', { channel, by });
      throw new LockedOutError(Math.max(1, ttlSec));
    }
    const ids = await this.modems.modemIdsByCustomer(number);
    const records = await this.modems.getModems(ids);
    const matched = records.filter(
      (r) =>
        r.customer != null &&
        matchesCustomer(
          {
            customerNumber: r.customer.customerNumber,
            fullName: r.customer.fullName ?? '',
            address: r.customer.address ?? '',
          },
          { customerNumber: number, ...claimFactors(claim) } as Parameters<typeof matchesCustomer>[1],
        ),
    );
    if (matched.length === 0) {
      const attemptsLeft = Math.max(0, maxFailures - attempt);
      await this.audit.record(caller, 'line.verify', number, 'no_match', { channel, by, attemptsLeft });
      return { verified: false, attemptsLeft, ...(attemptsLeft === 0 && { lockedForSec: lockoutSec }) };
    }
    await this.attempts.clearAttempts(number);
    const lines = await Promise.all(
      matched.map(async (r) => ({ modemId: r.id, ...(await this.tokens.issue(r.id, caller)) })),
    );
    await this.audit.record(caller, 'line.verify', number, 'verified', {
      channel,
      by,
      lines: lines.map((l) => l.modemId).join(','),
    });
    const services = servicesOf(matched);
    return {
      verified: true,
      customerNumber: number,
      lines,
      services,
      scripts: callScriptTexts(chooseCallScripts({ services }), this.messages.in(lang)),
    };
  }
}

/** The union of the records' services; null when no record says (absent means not known, never none). */
export function servicesOf(records: readonly ModemRecord[]): CustomerService[] | null {
  const said = records.flatMap((r) => (r.customer?.services ? [r.customer.services] : []));
  return said.length === 0 ? null : sortServices(said.flat());
}

function claimFactors(claim: VerifyRequest): { fullName?: string; address?: string } {
  return {
    ...(claim.fullName != null && { fullName: claim.fullName }),
    ...(claim.address != null && { address: claim.address }),
  };
}
