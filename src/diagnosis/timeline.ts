import { reregistrationsWithoutReboot } from './flapping';
import type { RegistrationPoint } from './flapping';
import { onlineAtCmts, rebootedBetween } from './rule-helpers';
import type { HistoryEntry, Verdict } from '../domain/diagnosis';

export type TimelineEventKind =
  'VERDICT_CHANGED' | 'REBOOT' | 'REREGISTRATION' | 'WENT_OFFLINE' | 'BACK_ONLINE';

export interface TimelineEvent {
  /** The time of the history entry that shows the event. */
  at: number;
  kind: TimelineEventKind;
  /** A short sentence saying what the entries show. */
  evidence: string;
  /** VERDICT_CHANGED: the verdicts before and after. */
  from?: string;
  to?: string;
  /** BACK_ONLINE: from the first unanswered poll to the first answered one. */
  durationSec?: number;
}

/** "3 d 4 h", "5 h 12 min", "2 min", "40 s": two units at most, enough to tell events apart. */
function formatSpan(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return `${s} s`;
  }
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) {
    return h > 0 ? `${d} d ${h} h` : `${d} d`;
  }
  if (h > 0) {
    return m > 0 ? `${h} h ${m} min` : `${h} h`;
  }
  return `${m} min`;
}

function rebootEvidence(earlier: HistoryEntry, later: HistoryEntry): string {
  const before = formatSpan(earlier.uptimeSec ?? 0);
  const after = formatSpan(later.uptimeSec ?? 0);
  if ((later.uptimeSec ?? 0) < (earlier.uptimeSec ?? 0)) {
    return `uptime went from ${before} to ${after}`;
  }
  return `uptime was ${after}, less than the ${formatSpan((later.at - earlier.at) / 1000)} since it was ${before}`;
}

function offlineEvidence(entry: HistoryEntry): string {
  if (entry.cmtsRegState == null) {
    return 'the modem stopped answering polls';
  }
  return onlineAtCmts(entry.cmtsRegState)
    ? 'the modem stopped answering polls, though the network still saw it online'
    : 'the modem stopped answering polls and the network no longer saw it online';
}

/** What happened to a modem over its history, newest first; entries may come in any order. */
export function buildTimeline(entries: readonly HistoryEntry[]): TimelineEvent[] {
  const sorted = [...entries].sort((a, b) => a.at - b.at);
  const registrations: RegistrationPoint[] = sorted.flatMap((e) =>
    e.lastRegAt == null ? [] : [{ at: e.at, lastRegAt: e.lastRegAt }],
  );
  const uptimes = sorted.filter((e) => e.reachable);
  const reregistrations = new Map(
    reregistrationsWithoutReboot(registrations, uptimes).map((r) => [
      r.at,
      r.lastRegAt - r.previousLastRegAt,
    ]),
  );

  const events: TimelineEvent[] = [];
  let previous: HistoryEntry | null = null;
  let lastAnswered: HistoryEntry | null = null;
  let offlineSince: number | null = null;
  let lastVerdict: Verdict | null = null;
  for (const e of sorted) {
    if (e.reachable) {
      if (offlineSince != null) {
        const durationSec = (e.at - offlineSince) / 1000;
        events.push({
          at: e.at,
          kind: 'BACK_ONLINE',
          evidence: `the modem answered again after ${formatSpan(durationSec)} offline`,
          durationSec,
        });
        offlineSince = null;
      }
      if (lastAnswered != null && rebootedBetween(lastAnswered, e)) {
        events.push({ at: e.at, kind: 'REBOOT', evidence: rebootEvidence(lastAnswered, e) });
      }
      if (e.uptimeSec != null) {
        lastAnswered = e;
      }
    } else if (offlineSince == null) {
      if (previous?.reachable === true) {
        events.push({ at: e.at, kind: 'WENT_OFFLINE', evidence: offlineEvidence(e) });
      }
      offlineSince = e.at;
    }
    const sincePreviousReg = reregistrations.get(e.at);
    if (sincePreviousReg != null) {
      events.push({
        at: e.at,
        kind: 'REREGISTRATION',
        evidence:
          `registered with the network again ${formatSpan(sincePreviousReg / 1000)} after the previous ` +
          'registration, while the modem kept running',
      });
    }
    if (e.verdict != null) {
      if (lastVerdict != null && e.verdict !== lastVerdict) {
        events.push({
          at: e.at,
          kind: 'VERDICT_CHANGED',
          evidence: `verdict went from ${lastVerdict} to ${e.verdict}`,
          from: lastVerdict,
          to: e.verdict,
        });
      }
      lastVerdict = e.verdict;
    }
    previous = e;
  }
  // Array.prototype.sort is stable, so events of one entry keep the order above.
  return events.sort((a, b) => b.at - a.at);
}
