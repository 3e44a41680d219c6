import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { setTimeout } from 'node:timers/promises';
import { AuditService } from '../audit/audit.service';
import { ConflictError, UnprocessableError } from '../common/app-errors';
import type { Caller } from '../domain/api-key';
import { LineCheckService, type CheckOptions } from '../checks/line-check.service';
import { AppConfig } from '../config/app-config';
import { InventoryService } from '../inventory/inventory.service';
import type { ModemRecord } from '../domain/modem-record';
import { ModemPoller } from '../checks/modem-poller';
import type { SnmpTarget } from '../domain/snmp-target';
import { LockStore } from '../common/lock.store';
import type { ActionState, RemoteAction } from './remote-action';
import { RemoteActionStore } from './remote-action.store';

/** A reboot's follow-up checks: the service's own, not a call, so no decision is logged for the outcome KPIs. */
const FOLLOW_UP: CheckOptions = { refreshCmtsRow: true, logDecision: false };

/** A modem that answers with an uptime below this (plus the time since the reset) has really restarted. */
const RESTART_SLACK_SEC = 5;

/**
 * Remote reboot: SET docsDevResetNow, then follow the modem until it answers again with a fresh uptime and
 * diagnose it. One reboot per modem per cool-down, across instances; every step audited.
 */
@Injectable()
export class RebootService implements OnApplicationShutdown {
  private readonly log = new Logger('Reboot');
  private readonly running = new Set<Promise<void>>();
  /** Aborted at shutdown: reboots being followed stop waiting (their action stays as it was last saved). */
  private readonly stopping = new AbortController();

  constructor(
    private readonly config: AppConfig,
    @Inject(RemoteActionStore) private readonly actions: RemoteActionStore,
    @Inject(LockStore) private readonly locks: LockStore,
    @Inject(ModemPoller) private readonly poller: ModemPoller,
    private readonly inventory: InventoryService,
    private readonly checks: LineCheckService,
    private readonly audit: AuditService,
  ) {}

  async start(
    modemId: string,
    reason: string,
    caller: Caller,
    channel: 'http' | 'mcp',
  ): Promise<RemoteAction> {
    const record = await this.inventory.record(modemId);
    const target = writeTarget(record);
    if (!target) {
      await this.audit.record(caller, 'modem.reboot', modemId, 'refused_no_write_access', {
        channel,
        reason,
      });
      throw new UnprocessableError(
        `modem ${modemId} has no SNMP write access configured (snmp.writeCommunity for v2c, or v3)`,
      );
    }
    const { rebootCooldownSec, rebootTimeoutSec } = this.config.actions;
    const holdSec = Math.max(rebootCooldownSec, rebootTimeoutSec);
    if (!(await this.locks.claimSlot(`reboot:${modemId}`, holdSec))) {
      const current = await this.actions.currentAction(modemId);
      await this.audit.record(caller, 'modem.reboot', modemId, 'refused_cooldown', { channel, reason });
      throw new ConflictError(
        `modem ${modemId} was rebooted less than ${holdSec} s ago; one reboot per modem per cool-down`,
        current ? { actionId: current } : {},
      );
    }
    const now = new Date().toISOString();
    const action: RemoteAction = {
      id: `act-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
      kind: 'reboot',
      modemId,
      reason,
      requestedBy: { keyId: caller.keyId, name: caller.name },
      channel,
      state: 'resetting',
      createdAt: now,
      updatedAt: now,
      steps: [{ at: now, state: 'resetting', note: 'SET docsDevResetNow.0 = 1' }],
      outcome: null,
      error: null,
    };
    await this.save(action);
    await this.actions.setCurrentAction(modemId, action.id, holdSec);
    await this.audit.record(caller, 'modem.reboot', modemId, 'requested', {
      channel,
      reason,
      actionId: action.id,
    });
    const run = this.follow(action, target, caller).catch((error: unknown) =>
      this.log.error(
        `reboot ${action.id} of ${modemId}: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return action;
  }

  get(id: string): Promise<RemoteAction | null> {
    return this.actions.getAction(id);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await Promise.all([...this.running]);
  }

  private async follow(action: RemoteAction, target: SnmpTarget, caller: Caller): Promise<void> {
    const { rebootTimeoutSec } = this.config.actions;
    const resetAt = Date.now();
    try {
      await this.poller.reset(target);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.finish(action, caller, 'failed', `the modem did not accept the reset: ${message}`);
      return;
    }
    await this.step(action, 'waiting_for_modem', 'reset accepted; waiting for the modem to answer again');
    const deadline = resetAt + rebootTimeoutSec * 1000;
    const interval = this.config.actions.rebootPollIntervalMs;
    while (Date.now() < deadline) {
      if (!(await pause(Math.min(interval, Math.max(0, deadline - Date.now())), this.stopping.signal))) {
        return;
      }
      const diagnosis = await this.checks.diagnosis(action.modemId, 0, FOLLOW_UP);
      const reading = await this.checks.latestReading(action.modemId);
      const uptimeSec = reading?.reachable ? reading.uptimeSec : null;
      if (uptimeSec != null && uptimeSec <= (Date.now() - resetAt) / 1000 + RESTART_SLACK_SEC) {
        action.outcome = {
          verdict: diagnosis.verdict,
          summary: diagnosis.summary,
          action: diagnosis.action,
          uptimeSec,
        };
        await this.finish(
          action,
          caller,
          'done',
          `back after ${Math.round((Date.now() - resetAt) / 1000)} s`,
        );
        return;
      }
    }
    const last = await this.checks.diagnosis(action.modemId, 0, FOLLOW_UP);
    const reading = await this.checks.latestReading(action.modemId);
    action.outcome = {
      verdict: last.verdict,
      summary: last.summary,
      action: last.action,
      uptimeSec: reading?.reachable ? reading.uptimeSec : null,
    };
    await this.finish(
      action,
      caller,
      'failed',
      reading?.reachable
        ? `the modem kept answering with its old uptime for ${rebootTimeoutSec} s: it did not restart`
        : `the modem did not come back within ${rebootTimeoutSec} s`,
    );
  }

  private async step(action: RemoteAction, state: ActionState, note: string): Promise<void> {
    const at = new Date().toISOString();
    action.state = state;
    action.updatedAt = at;
    action.steps.push({ at, state, note });
    await this.save(action);
  }

  private async finish(
    action: RemoteAction,
    caller: Caller,
    state: 'done' | 'failed',
    note: string,
  ): Promise<void> {
    if (state === 'failed') {
      action.error = note;
    }
    await this.step(action, state, note);
    await this.audit.record(caller, 'modem.reboot', action.modemId, state, {
      channel: action.channel,
      actionId: action.id,
      verdict: action.outcome?.verdict ?? null,
      note,
    });
  }

  private save(action: RemoteAction): Promise<void> {
    return this.actions.saveAction(action, this.config.auth.auditRetentionSec);
  }
}

function writeTarget(record: ModemRecord): SnmpTarget | null {
  const c = record.snmp;
  if (c.version === '3') {
    return { host: record.host, port: record.port, credentials: c };
  }
  return c.writeCommunity
    ? { host: record.host, port: record.port, credentials: { version: '2c', community: c.writeCommunity } }
    : null;
}

/** False when interrupted by shutdown. */
async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await setTimeout(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
