import { reregistrationsWithoutReboot } from './flapping';
import type { RegistrationPoint } from './flapping';
import {
  classifyModemEvent,
  eventLevelName,
  eventTextWithoutContext,
  type EventLevelName,
  type ModemEventKind,
} from './modem-events';
import { onlineAtCmts, rebootedBetween } from './rule-helpers';
import type { HistoryEntry, Verdict } from '../domain/diagnosis';
import type { ModemEvent, ModemEventLog } from '../domain/modem-reading';

/** What Linecheck's own readings show, entry against entry. */
export type HistoryEventKind =
  'VERDICT_CHANGED' | 'REBOOT' | 'REREGISTRATION' | 'WENT_OFFLINE' | 'BACK_ONLINE';

/** REBOOT and REREGISTRATION come from either source: the readings' uptime and CMTS registration, or the log. */
export type TimelineEventKind = HistoryEventKind | ModemEventKind;

/** Where an event was seen: Linecheck's own readings (history), or the modem's own event log. */
export type TimelineSource = 'linecheck' | 'modemLog';

/** An event Linecheck's history shows. */
export interface HistoryEvent {
  /** The time of the history entry that shows the event. */
  at: number;
  kind: HistoryEventKind;
  /** A short sentence saying what the entries show. */
  evidence: string;
  /** VERDICT_CHANGED: the verdicts before and after. */
  from?: string;
  to?: string;
  /** BACK_ONLINE: from the first unanswered poll to the first answered one. */
  durationSec?: number;
}

/** A row of the modem's event log as the timeline shows it. */
export interface ModemLogEntry {
  /** docsDevEvIndex: the log's own order. */
  index: number;
  eventId: number | null;
  level: number | null;
  levelName: EventLevelName | null;
  /** How often the modem logged it between firstAt and lastAt; null when not read. */
  count: number | null;
  /** Epoch ms; null when the modem had no time of day then. */
  firstAt: number | null;
  lastAt: number | null;
  text: string | null;
}

export interface TimelineEvent {
  /** Linecheck: the history entry that shows it. The modem's log: its last occurrence (else its first). */
  at: number;
  kind: TimelineEventKind;
  source: TimelineSource;
  evidence: string;
  from?: string;
  to?: string;
  durationSec?: number;
  /** modemLog: the row as the modem logged it. */
  log?: ModemLogEntry;
}

/** A logged event without a time (the modem had no time of day): it cannot be placed among the others. */
export interface UntimedEvent {
  kind: ModemEventKind;
  source: 'modemLog';
  evidence: string;
  log: ModemLogEntry;
}

/**
 * Whether the timeline holds the modem's own log: `read` (the latest reading is a full poll's, which read the log),
 * `absent` (that poll found no event log on the modem), `notRead` (no reading, a silent modem, or the latest
 * reading is a sweep's fast poll, which does not read the log).
 */
export interface ModemLogState {
  state: 'read' | 'absent' | 'notRead';
  /** When the log was read (the full poll's time); null when not read. */
  readAt: number | null;
  /** Rows the reading kept (the newest EVENT_LOG_ROWS). */
  rows: number;
}

export interface LineTimeline {
  /** Both sources, newest first. */
  events: TimelineEvent[];
  /** Logged events without a time, in the log's order. */
  untimed: UntimedEvent[];
  modemLog: ModemLogState;
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
export function buildTimeline(entries: readonly HistoryEntry[]): HistoryEvent[] {
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

  const events: HistoryEvent[] = [];
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

function logEntry(e: ModemEvent): ModemLogEntry {
  return {
    index: e.index,
    eventId: e.eventId,
    level: e.level,
    levelName: eventLevelName(e.level),
    count: e.count,
    firstAt: e.firstAt,
    lastAt: e.lastAt,
    text: e.text,
  };
}

function loggedEvidence(e: ModemEvent): string {
  const what = e.text ? `"${eventTextWithoutContext(e.text)}"` : `event ${e.eventId ?? 'without id or text'}`;
  const level = eventLevelName(e.level);
  const times =
    e.count == null || e.count <= 1
      ? ''
      : e.firstAt != null && e.lastAt != null && e.lastAt > e.firstAt
        ? ` ${e.count} times in ${formatSpan((e.lastAt - e.firstAt) / 1000)}`
        : ` ${e.count} times`;
  return `the modem logged ${what}${times}${level ? ` (${level})` : ''}`;
}

function modemLogState(log: ModemEventLog | null): ModemLogState {
  if (log == null) {
    return { state: 'notRead', readAt: null, rows: 0 };
  }
  return log.events == null
    ? { state: 'absent', readAt: log.readAt, rows: 0 }
    : { state: 'read', readAt: log.readAt, rows: log.events.length };
}

/**
 * The line's timeline since `sinceMs`: what Linecheck's history shows, merged in time order with the modem's own
 * event log as the latest full poll read it (a sweep's fast poll does not read it). Logged events are placed at their
 * last occurrence; those without any time are listed apart.
 */
export function lineTimeline(
  entries: readonly HistoryEntry[],
  log: ModemEventLog | null,
  sinceMs: number,
): LineTimeline {
  const modemLog = modemLogState(log);
  const logged = log?.events ?? [];
  const events: TimelineEvent[] = buildTimeline(entries).map((e) => ({ ...e, source: 'linecheck' }));
  const untimed: UntimedEvent[] = [];
  for (const e of logged) {
    const kind = classifyModemEvent(e);
    const at = e.lastAt ?? e.firstAt;
    const shown = { kind, source: 'modemLog' as const, evidence: loggedEvidence(e), log: logEntry(e) };
    if (at == null) {
      untimed.push(shown);
    } else if (at >= sinceMs) {
      events.push({ at, ...shown });
    }
  }
  // Array.prototype.sort is stable: at one instant, Linecheck's events come before the log's, in log order.
  return { events: events.sort((a, b) => b.at - a.at), untimed, modemLog };
}

const iso = (ms: number | null): string | null => (ms == null ? null : new Date(ms).toISOString());

function logEntryJson(log: ModemLogEntry): Omit<ModemLogEntry, 'firstAt' | 'lastAt'> & {
  firstAt: string | null;
  lastAt: string | null;
} {
  return { ...log, firstAt: iso(log.firstAt), lastAt: iso(log.lastAt) };
}

/** A timeline as JSON answers carry it (HTTP, MCP): times as ISO 8601 text. */
export function timelineJson(t: LineTimeline & { since: number; coveredFrom: number | null }) {
  return {
    since: iso(t.since)!,
    coveredFrom: iso(t.coveredFrom),
    events: t.events.map((e) => ({
      ...e,
      at: iso(e.at)!,
      ...(e.log ? { log: logEntryJson(e.log) } : {}),
    })),
    untimed: t.untimed.map((e) => ({ ...e, log: logEntryJson(e.log) })),
    modemLog: { ...t.modemLog, readAt: iso(t.modemLog.readAt) },
  };
}
