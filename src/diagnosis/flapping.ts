import type { ReachableReading } from '../telemetry/modem-reading';
import { fmt, rebootedBetween } from './rule-helpers';
import type { ThresholdsProfile } from './thresholds';
import type { Finding, HistoryEntry } from './types';

export interface FlappingAssessment {
  /** Uptime resets seen between consecutive reachable observations in the window. */
  rebootsObserved: number;
  /** Re-initialisations of the cable interface (docsIf3CmStatusResets increments) in the window. */
  reinits: number;
  /** DEVICE_REBOOTS and/or RF_REINIT findings (FAULT) when a threshold is reached; empty otherwise. */
  findings: Finding[];
}

interface Point {
  at: number;
  uptimeSec: number;
  resets?: number;
}

/**
 * Re-registrations within the flapping window (§2.9), split by cause: the modem restarting (uptime resets) versus
 * the cable interface re-initialising while the modem keeps running (resets counter rising).
 */
export function assessFlapping(
  reading: ReachableReading,
  history: HistoryEntry[],
  thresholds: ThresholdsProfile,
): FlappingAssessment {
  const t = thresholds.flapping;
  const windowStart = reading.observedAt - t.windowHours * 3600 * 1000;
  const points: Point[] = history
    .filter((h) => h.reachable && h.uptimeSec != null && h.at >= windowStart && h.at < reading.observedAt)
    .map((h) => ({ at: h.at, uptimeSec: h.uptimeSec ?? 0, resets: h.resets }))
    .sort((a, b) => a.at - b.at);
  points.push({ at: reading.observedAt, uptimeSec: reading.uptimeSec, resets: reading.status.resets });

  let rebootsObserved = 0;
  let reinits = 0;
  // The resets counter restarts at boot, so when the first observation's boot lies inside the window, every
  // re-init it has counted happened inside the window too.
  const first = points[0];
  if (first.uptimeSec * 1000 <= first.at - windowStart) {
    reinits += first.resets ?? 0;
  }
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (rebootedBetween(a, b)) {
      rebootsObserved += 1;
      reinits += b.resets ?? 0;
    } else if (a.resets != null && b.resets != null) {
      reinits += Math.max(0, b.resets - a.resets);
    }
  }

  const window = `in the last ${fmt(t.windowHours)} h`;
  const findings: Finding[] = [];
  if (rebootsObserved >= t.reboots) {
    findings.push({
      code: 'DEVICE_REBOOTS',
      severity: 'FAULT',
      observed: rebootsObserved,
      limit: t.reboots,
      unit: 'count/24h',
      message: `The modem restarted ${rebootsObserved} times ${window}, which points to its power supply or the modem itself.`,
    });
  }
  if (reinits >= t.reinits) {
    findings.push({
      code: 'RF_REINIT',
      severity: 'FAULT',
      observed: reinits,
      limit: t.reinits,
      unit: 'count/24h',
      message: `The modem lost and re-established its cable connection ${reinits} times ${window}, which points to the cable line.`,
    });
  }
  return { rebootsObserved, reinits, findings };
}
