import type { CmtsModemRow, CmtsUpstream } from '../domain/cmts-reading';
import type {
  DownstreamChannel,
  OfdmaChannel,
  OfdmChannel,
  ReachableReading,
  UpstreamChannel,
} from '../domain/modem-reading';
import type { LevelBands, ThresholdsProfile } from '../domain/thresholds';
import { SUB_KINDS } from '../domain/diagnosis';
import type { ChannelRef, CmtsContext, Finding, Rule, Severity, SubKind } from '../domain/diagnosis';

export function round(value: number, decimals = 1): number {
  const rounded = Number(value.toFixed(decimals));
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** A level as an agent would say it: at most `decimals` decimals, no trailing zeros. */
export function fmt(value: number, decimals = 1): string {
  return String(round(value, decimals));
}

export function fmtMhz(hz: number): string {
  return `${fmt(hz / 1e6, 2)} MHz`;
}

/** Ratio (0..1) to percent, three significant digits so that 0.0999 % and 0.1 % stay distinct. */
export function toPercent(ratio: number): number {
  return Number((ratio * 100).toPrecision(3));
}

/** Threshold ratio to percent, rounded only to hide floating-point noise (0.001 * 100). */
export function limitPercent(ratio: number): number {
  return Number((ratio * 100).toPrecision(6));
}

export function formatDuration(seconds: number): string {
  const s = Math.max(0, seconds);
  if (s < 90 * 60) {
    return `${Math.round(s / 60)} min`;
  }
  if (s < 48 * 3600) {
    return `${Math.round(s / 3600)} h`;
  }
  return `${Math.round(s / 86400)} days`;
}

export function dsRef(ch: DownstreamChannel): ChannelRef {
  return {
    direction: 'downstream',
    kind: 'SC-QAM',
    ifIndex: ch.ifIndex,
    channelId: ch.channelId,
    frequencyHz: ch.frequencyHz,
  };
}

export function usRef(ch: UpstreamChannel): ChannelRef {
  return {
    direction: 'upstream',
    kind: 'SC-QAM',
    ifIndex: ch.ifIndex,
    channelId: ch.channelId,
    frequencyHz: ch.frequencyHz,
  };
}

export function ofdmRef(ch: OfdmChannel): ChannelRef {
  return {
    direction: 'downstream',
    kind: 'OFDM',
    ifIndex: ch.ifIndex,
    channelId: ch.channelId,
    frequencyHz: ch.plcFrequencyHz,
  };
}

/** The reading carries no frequency for OFDMA channels, hence 0. */
export function ofdmaRef(ch: OfdmaChannel): ChannelRef {
  return {
    direction: 'upstream',
    kind: 'OFDMA',
    ifIndex: ch.ifIndex,
    channelId: ch.channelId,
    frequencyHz: 0,
  };
}

/** The CMTS gives no channel id or frequency per modem upstream, only its own ifIndex; hence the zeros. */
export function cmtsUsRef(us: CmtsUpstream): ChannelRef {
  return { direction: 'upstream', kind: 'SC-QAM', ifIndex: us.ifIndex, channelId: 0, frequencyHz: 0 };
}

/**
 * "Downstream channel 5 (603 MHz)", "OFDM downstream channel 33 (PLC 957 MHz)", "OFDMA upstream channel 9",
 * "Upstream (ifIndex 2)" when the modem gives no channel id;
 * `detail` is appended inside the parentheses: "Downstream channel 5 (603 MHz, 256-QAM)".
 */
export function describeChannel(ref: ChannelRef, detail?: string): string {
  const details: string[] = [];
  if (ref.frequencyHz > 0) {
    details.push(ref.kind === 'OFDM' ? `PLC ${fmtMhz(ref.frequencyHz)}` : fmtMhz(ref.frequencyHz));
  }
  if (detail) {
    details.push(detail);
  }
  const prefix =
    ref.kind === 'SC-QAM'
      ? ref.direction === 'downstream'
        ? 'Downstream'
        : 'Upstream'
      : ref.kind === 'OFDM'
        ? 'OFDM downstream'
        : 'OFDMA upstream';
  const name =
    ref.channelId == null ? `${prefix} (ifIndex ${ref.ifIndex})` : `${prefix} channel ${ref.channelId}`;
  return details.length > 0 ? `${name} (${details.join(', ')})` : name;
}

export type LevelGrade = 'LOW_FAULT' | 'LOW_MARGINAL' | 'OK' | 'HIGH_MARGINAL' | 'HIGH_FAULT';

export function gradeLevel(value: number, bands: LevelBands): LevelGrade {
  if (value < bands.marginalMin) {
    return 'LOW_FAULT';
  }
  if (value < bands.textbookMin) {
    return 'LOW_MARGINAL';
  }
  if (value > bands.marginalMax) {
    return 'HIGH_FAULT';
  }
  if (value > bands.textbookMax) {
    return 'HIGH_MARGINAL';
  }
  return 'OK';
}

/** The band edge a graded level crossed; OK crossed none and gets textbookMax only to keep this total. */
export function crossedLimit(grade: LevelGrade, bands: LevelBands): number {
  switch (grade) {
    case 'LOW_FAULT':
      return bands.marginalMin;
    case 'LOW_MARGINAL':
      return bands.textbookMin;
    case 'HIGH_MARGINAL':
      return bands.textbookMax;
    case 'HIGH_FAULT':
      return bands.marginalMax;
    case 'OK':
      return bands.textbookMax;
  }
}

export function severityOf(grade: LevelGrade): Exclude<Severity, 'INFO'> | null {
  if (grade === 'LOW_FAULT' || grade === 'HIGH_FAULT') {
    return 'FAULT';
  }
  if (grade === 'LOW_MARGINAL' || grade === 'HIGH_MARGINAL') {
    return 'MARGINAL';
  }
  return null;
}

/** A point in time at which the modem's sysUpTime was read. */
export interface UptimePoint {
  at: number;
  uptimeSec?: number;
}

// Poll latency, uptime truncated to whole seconds and modem clock drift can make a modem look a few seconds
// younger than the wall-clock gap between two polls; a real reboot is far more than this.
const BOOT_SLACK_SEC = 30;

/**
 * True when the modem booted between two observations: its uptime went backwards, or it is younger than the
 * time elapsed since the earlier one (catches reboots between polls that are far apart).
 */
export function rebootedBetween(earlier: UptimePoint, later: UptimePoint): boolean {
  if (earlier.uptimeSec == null || later.uptimeSec == null) {
    return false;
  }
  if (later.uptimeSec < earlier.uptimeSec) {
    return true;
  }
  const elapsedSec = (later.at - earlier.at) / 1000;
  return later.uptimeSec + BOOT_SLACK_SEC < elapsedSec;
}

export interface TimeoutTotals {
  t3: number | null;
  t4: number | null;
  t3Exceeded: number | null;
}

/**
 * Sums over every upstream channel (SC-QAM and OFDMA), the unit HistoryEntry counters are kept in. A sum is null
 * (not read) when any channel lacks that counter, or there is no upstream channel: a partial sum would undercount.
 */
export function timeoutTotals(reading: ReachableReading): TimeoutTotals {
  const channels = [...reading.upstream, ...reading.ofdma];
  const total = (pick: (ch: (typeof channels)[number]) => number | null): number | null => {
    let sum = 0;
    for (const ch of channels) {
      const v = pick(ch);
      if (v == null) {
        return null;
      }
      sum += v;
    }
    return channels.length === 0 ? null : sum;
  };
  return {
    t3: total((ch) => ch.t3Timeouts),
    t4: total((ch) => ch.t4Timeouts),
    t3Exceeded: total((ch) => ch.t3Exceededs),
  };
}

export function subKindIndex(kind: SubKind): number {
  return SUB_KINDS.indexOf(kind);
}

/** Distinct sub-kinds in SUB_KINDS order. */
export function inSubKindOrder(kinds: Iterable<SubKind>): SubKind[] {
  return [...new Set(kinds)].sort((a, b) => subKindIndex(a) - subKindIndex(b));
}

/**
 * Registered and forwarding: operational(8), or registrationComplete(6) on CMTSs that stop there (the same values
 * in CmtsCmRegState and RFC 4546). The same test as telemetry's isOnlineAtCmts, restated because diagnosis takes
 * only types from telemetry; for stored history values. A row carries it as `state.online`.
 */
export function onlineAtCmts(regState: number): boolean {
  return regState === 8 || regState === 6;
}

/** Grades what a CMTS row says about one modem, with the set point the CMTS levels its upstreams to. */
export type CmtsRowGrader = (
  row: CmtsModemRow,
  setPointDbmv: number,
  thresholds: ThresholdsProfile,
) => Finding[];

/** The modem's CMTS row when the CMTS has it online; a row in any other state holds stale levels. */
export function onlineCmtsRow(cmts: CmtsContext | undefined): CmtsModemRow | null {
  const row = cmts?.row;
  return row != null && row.state.online ? row : null;
}

/** A rule that grades the modem's online CMTS row, and is silent without one. */
export function cmtsRowRule(grade: CmtsRowGrader): Rule {
  return (ctx) => {
    const row = onlineCmtsRow(ctx.cmts);
    return ctx.cmts == null || row == null ? [] : grade(row, ctx.cmts.setPointDbmv, ctx.thresholds);
  };
}
