import type { Verdict } from '../domain/diagnosis';

export type ActionState = 'resetting' | 'waiting_for_modem' | 'done' | 'failed';

/** A remote fix and how it went, as GET /actions/{id} shows it. */
export interface RemoteAction {
  id: string;
  kind: 'reboot';
  modemId: string;
  reason: string;
  requestedBy: { keyId: string; name: string };
  channel: 'http' | 'mcp';
  state: ActionState;
  createdAt: string;
  updatedAt: string;
  steps: { at: string; state: ActionState; note: string }[];
  /** The diagnosis once the modem is back (or when following it gave up). */
  outcome: { verdict: Verdict; summary: string; action: string; uptimeSec: number | null } | null;
  error: string | null;
}
