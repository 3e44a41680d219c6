import type { ReachableReading } from '../domain/modem-reading';
import { fmt, formatDuration, rebootedBetween } from './rule-helpers';
import type { UptimePoint } from './rule-helpers';
import type { ThresholdsProfile } from '../domain/thresholds';
import type { Finding, HistoryEntry } from '../domain/diagnosis';

export interface FlappingAssessment {
  /** Uptime resets seen between consecutive reachable observations in the window. */
  rebootsObserved: number;
  /**
   * Re-initialisations of the cable interface without a reboot in the window: the larger of the resets-counter
   * increments and the CMTS re-registrations.
   */
  reinits: number;
  /** CMTS re-registrations (a newer last registration time) with no reboot between the two observations. */
  reregistrations: number;
  /** DEVICE_REBOOTS and/or RF_REINIT findings (FAULT) when a threshold is reached; empty otherwise. */
  findings: Finding[];
}

interface Point {
  at: number;
  uptimeSec: number;
  resets?: number;
}

/** When the CMTS last saw the modem register, as known at one observation. */
export interface RegistrationPoint {
  at: number;
  lastRegAt: number;
}

/** A registration newer than the one seen at the previous observation. */
export interface Reregistration extends RegistrationPoint {
  previousLastRegAt: number;
}

/** When the modem booted, as one reading of its uptime tells it. */
function bootedAt(p: UptimePoint): number | null {
  return p.uptimeSec == null ? null : p.at - p.uptimeSec * 1000;
}

/**
 * The observations at which the CMTS shows a newer registration than at the previous one while the modem kept
 * running. A reboot in between explains the new registration; it is found from any uptime reading (also a later
 * one) that puts the boot between the two observations, so unreachable observations can be judged too.
 */
export function reregistrationsWithoutReboot(
  registrations: readonly RegistrationPoint[],
  uptimes: readonly UptimePoint[],
): Reregistration[] {
  const sorted = [...registrations].sort((a, b) => a.at - b.at);
  const boots = uptimes.map(bootedAt);
  const result: Reregistration[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (b.lastRegAt <= a.lastRegAt) {
      continue;
    }
    if (!boots.some((boot) => boot != null && boot > a.at && boot <= b.at)) {
      result.push({ ...b, previousLastRegAt: a.lastRegAt });
    }
  }
  return result;
}

/**
 * Re-registrations within the flapping window (§2.9), split by cause: the modem restarting (uptime resets) versus
 * the cable interface re-initialising while the modem keeps running (resets counter rising, or the CMTS seeing the
 * modem register again). `currentLastRegAt` is the CMTS's last registration time at the current reading.
 */
export function assessFlapping(
  reading: ReachableReading,
  history: HistoryEntry[],
  thresholds: ThresholdsProfile,
  currentLastRegAt?: number | null,
): FlappingAssessment {
  const t = thresholds.flapping;
  const windowStart = reading.observedAt - t.windowHours * 3600 * 1000;
  const inWindow = history.filter((h) => h.at >= windowStart && h.at < reading.observedAt);
  const points: Point[] = inWindow
    .filter((h) => h.reachable && h.uptimeSec != null)
    .map((h) => ({ at: h.at, uptimeSec: h.uptimeSec ?? 0, resets: h.resets }))
    .sort((a, b) => a.at - b.at);
  const current: Point = {
    at: reading.observedAt,
    uptimeSec: reading.uptimeSec,
    resets: reading.status.resets ?? undefined,
  };
  points.push(current);

  let rebootsObserved = 0;
  let resetReinits = 0;
  // The resets counter restarts at boot, so when the first observation's boot lies inside the window, every
  // re-init it has counted happened inside the window too.
  const first = points[0];
  if (first.uptimeSec * 1000 <= first.at - windowStart) {
    resetReinits += first.resets ?? 0;
  }
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (rebootedBetween(a, b)) {
      rebootsObserved += 1;
      resetReinits += b.resets ?? 0;
    } else if (a.resets != null && b.resets != null) {
      resetReinits += Math.max(0, b.resets - a.resets);
    }
  }

  const registrations: RegistrationPoint[] = inWindow.flatMap((h) =>
    h.lastRegAt == null ? [] : [{ at: h.at, lastRegAt: h.lastRegAt }],
  );
  if (currentLastRegAt != null) {
    registrations.push({ at: reading.observedAt, lastRegAt: currentLastRegAt });
  }
  const reregistrations = reregistrationsWithoutReboot(registrations, points).length;
  // A first look at a modem up for longer than the window: its resets since boot, as an average rate per window,
  // are all there is to compare with the limit (the same reasoning as for T3/T4 counters).
  const windowSec = t.windowHours * 3600;
  const averaged =
    current.resets != null &&
    points.every((p) => p === current || p.resets == null) &&
    current.uptimeSec > windowSec
      ? Number(((current.resets * windowSec) / current.uptimeSec).toFixed(1))
      : 0;
  // Both count the same events when both are known; the larger catches what one source missed.
  const reinits = Math.max(resetReinits, reregistrations, averaged);

  const window =
    reinits === averaged && averaged > 0
      ? `on average per ${fmt(t.windowHours)} h since it started ${formatDuration(current.uptimeSec)} ago`
      : `in the last ${fmt(t.windowHours)} h`;
  const findings: Finding[] = [];
  if (rebootsObserved >= t.reboots) {
    findings.push({
      code: 'DEVICE_REBOOTS',
      severity: 'FAULT',
      observed: rebootsObserved,
      limit: t.reboots,
      unit: 'count/24h',
      message: `The modem restarted ${rebootsObserved} times in the last ${fmt(t.windowHours)} h, which points to its power supply or the modem itself.`,
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
  return { rebootsObserved, reinits, reregistrations, findings };
}
