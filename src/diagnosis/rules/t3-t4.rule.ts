import {
  fmt,
  formatDuration,
  rebootedBetween,
  round,
  timeoutTotals,
  type TimeoutTotals,
} from '../rule-helpers';
import type { Finding, HistoryEntry, Rule } from '../../domain/diagnosis';

type Counter = 't3' | 't4' | 't3Exceeded';
const COUNTERS: readonly Counter[] = ['t3', 't4', 't3Exceeded'];

interface TimeoutPoint {
  at: number;
  uptimeSec?: number;
  t3: number | null;
  t4: number | null;
  t3Exceeded: number | null;
}

/** The counters the current reading has; only those are compared and graded. */
function readCounters(p: TimeoutPoint): Counter[] {
  return COUNTERS.filter((k) => p[k] != null);
}

function counterDecreased(before: TimeoutPoint, after: TimeoutPoint, keys: readonly Counter[]): boolean {
  return keys.some((k) => (after[k] ?? 0) < (before[k] ?? 0));
}

/** A history entry that holds every counter the current reading has, or null. */
function toPoint(entry: HistoryEntry, keys: readonly Counter[]): TimeoutPoint | null {
  if (!entry.reachable || keys.some((k) => entry[k] == null)) {
    return null;
  }
  return {
    at: entry.at,
    uptimeSec: entry.uptimeSec,
    t3: entry.t3 ?? null,
    t4: entry.t4 ?? null,
    t3Exceeded: entry.t3Exceeded ?? null,
  };
}

/**
 * The earliest history point in the window from which counters kept counting up to now: no reboot and no
 * counter decrease between it and any later point. Walking back from now, the first break ends the search.
 */
function findBaseline(history: HistoryEntry[], now: TimeoutPoint, windowMs: number): TimeoutPoint | null {
  const keys = readCounters(now);
  const points = history
    .map((e) => toPoint(e, keys))
    .filter((p): p is TimeoutPoint => p != null && p.at <= now.at && p.at >= now.at - windowMs)
    .sort((a, b) => a.at - b.at);
  let baseline: TimeoutPoint | null = null;
  let later = now;
  for (let i = points.length - 1; i >= 0; i--) {
    const p = points[i];
    if (rebootedBetween(p, later) || counterDecreased(p, later, keys)) {
      break;
    }
    baseline = p;
    later = p;
  }
  return baseline;
}

/**
 * T3/T4 timeouts summed over all upstream channels, per window (§2.6). A T4 or an exhausted T3 retry sequence
 * means the modem lost station maintenance and re-initialised its MAC, so a single one is a fault.
 */
export const t3T4Rule: Rule = (ctx) => {
  const { reading, history, thresholds } = ctx;
  const t = thresholds.timeouts;
  const windowSec = t.windowHours * 3600;
  const totals = timeoutTotals(reading);
  const now: TimeoutPoint = { at: reading.observedAt, uptimeSec: reading.uptimeSec, ...totals };
  const baseline = findBaseline(history, now, windowSec * 1000);

  // Counters not read stay null and are not graded (diagnosis/not-checked lists them).
  const scaled = (f: (k: Counter) => number): TimeoutTotals => ({
    t3: totals.t3 == null ? null : f('t3'),
    t4: totals.t4 == null ? null : f('t4'),
    t3Exceeded: totals.t3Exceeded == null ? null : f('t3Exceeded'),
  });
  let counts: TimeoutTotals;
  let when: string;
  if (baseline != null) {
    counts = scaled((k) => (now[k] ?? 0) - (baseline[k] ?? 0));
    when = `in the last ${formatDuration((now.at - baseline.at) / 1000)}`;
  } else if (reading.uptimeSec > windowSec) {
    // Counters since a boot long ago: only their average rate over the window is comparable with the limits.
    const scale = windowSec / reading.uptimeSec;
    counts = scaled((k) => (totals[k] ?? 0) * scale);
    when = `on average per ${fmt(t.windowHours)} h since it started ${formatDuration(reading.uptimeSec)} ago`;
  } else {
    counts = totals;
    when = `since it started ${formatDuration(reading.uptimeSec)} ago`;
  }

  const findings: Finding[] = [];
  const push = (severity: 'FAULT' | 'MARGINAL', observed: number, limit: number, message: string): void => {
    findings.push({
      code: 'T3_T4_TIMEOUTS',
      severity,
      observed: round(observed),
      limit,
      unit: 'count/24h',
      message,
    });
  };
  if (counts.t4 != null && counts.t4 >= t.t4Fault) {
    push(
      'FAULT',
      counts.t4,
      t.t4Fault,
      `The modem had ${fmt(counts.t4)} T4 timeouts ${when}, meaning it lost contact with the network and had to reconnect.`,
    );
  }
  if (counts.t3Exceeded != null && counts.t3Exceeded >= t.t3ExceededFault) {
    push(
      'FAULT',
      counts.t3Exceeded,
      t.t3ExceededFault,
      `The modem ran out of T3 ranging retries ${fmt(counts.t3Exceeded)} times ${when}, which forces it to reconnect.`,
    );
  }
  if (counts.t3 == null) {
    return findings;
  }
  if (counts.t3 >= t.t3Fault) {
    push(
      'FAULT',
      counts.t3,
      t.t3Fault,
      `The modem had ${fmt(counts.t3)} T3 timeouts ${when}, at or above the limit of ${fmt(t.t3Fault)} per ${fmt(t.windowHours)} h.`,
    );
  } else if (counts.t3 >= t.t3Marginal) {
    push(
      'MARGINAL',
      counts.t3,
      t.t3Marginal,
      `The modem had ${fmt(counts.t3)} T3 timeouts ${when}, at or above the warning level of ${fmt(t.t3Marginal)} per ${fmt(t.windowHours)} h.`,
    );
  }
  return findings;
};
