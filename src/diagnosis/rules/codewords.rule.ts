import type { DownstreamChannel, ReachableReading } from '../../domain/modem-reading';
import {
  describeChannel,
  dsRef,
  formatDuration,
  limitPercent,
  ofdmRef,
  rebootedBetween,
  toPercent,
} from '../rule-helpers';
import type { ThresholdsProfile } from '../../domain/thresholds';
import type { ChannelRef, CounterSnapshot, Finding, Rule, RuleContext } from '../../domain/diagnosis';

const NCP_PROFILE_ID = 255;

interface Codewords {
  total: bigint;
  corrected: bigint;
  uncorrectable: bigint;
}

const ZERO: Codewords = { total: 0n, corrected: 0n, uncorrectable: 0n };

function add(a: Codewords, b: Codewords): Codewords {
  return {
    total: a.total + b.total,
    corrected: a.corrected + b.corrected,
    uncorrectable: a.uncorrectable + b.uncorrectable,
  };
}

function minus(a: Codewords, b: Codewords): Codewords {
  return {
    total: a.total - b.total,
    corrected: a.corrected - b.corrected,
    uncorrectable: a.uncorrectable - b.uncorrectable,
  };
}

/** part / whole as a number in 0..1; the bigints are only converted once the ratio is taken. */
function ratio(part: bigint, whole: bigint): number {
  if (whole <= 0n || part <= 0n) {
    return 0;
  }
  return Math.min(1, Number(part) / Number(whole));
}

/** How the counters being graded were obtained, worded for the message. */
interface Window {
  text: string;
}

function gradeCounters(
  counts: Codewords,
  channel: ChannelRef,
  what: string,
  window: Window,
  t: ThresholdsProfile['codewords'],
): Finding[] {
  if (counts.total <= 0n || counts.total < BigInt(Math.max(0, Math.ceil(t.minCodewords)))) {
    return [];
  }
  const findings: Finding[] = [];
  const u = ratio(counts.uncorrectable, counts.total);
  if (u >= t.uncorrectableMarginal) {
    const fault = u > t.uncorrectableFault;
    const limit = limitPercent(fault ? t.uncorrectableFault : t.uncorrectableMarginal);
    findings.push({
      code: 'EXCESSIVE_UNCORRECTABLES',
      severity: fault ? 'FAULT' : 'MARGINAL',
      channel,
      observed: toPercent(u),
      limit,
      unit: '%',
      message: fault
        ? `${what} lost ${toPercent(u)}% of its data to uncorrectable errors ${window.text}, above the ${limit}% limit.`
        : `${what} lost ${toPercent(u)}% of its data to uncorrectable errors ${window.text}, at or above the ${limit}% warning level.`,
    });
  }
  const c = ratio(counts.corrected, counts.total);
  if (c >= t.correctedMarginal) {
    const limit = limitPercent(t.correctedMarginal);
    findings.push({
      code: 'HIGH_CORRECTED',
      severity: 'MARGINAL',
      channel,
      observed: toPercent(c),
      limit,
      unit: '%',
      message: `${what} needed error correction on ${toPercent(c)}% of its data ${window.text}, at or above the ${limit}% warning level.`,
    });
  }
  return findings;
}

/** Counters of one channel (or one OFDM profile group), keyed by profile id; SC-QAM channels have a single key. */
type Keyed = Map<number, Codewords>;

function decreased(before: Codewords, after: Codewords): boolean {
  const unerrored = (c: Codewords): bigint => c.total - c.corrected - c.uncorrectable;
  return (
    after.total < before.total ||
    after.corrected < before.corrected ||
    after.uncorrectable < before.uncorrectable ||
    unerrored(after) < unerrored(before)
  );
}

function sum(keyed: Keyed): Codewords {
  let total = ZERO;
  for (const c of keyed.values()) {
    total = add(total, c);
  }
  return total;
}

/**
 * The counters to grade: the delta since the baseline when it is usable, else the counters since boot. A counter
 * that went down is a discontinuity, and a delta across it would be negative or too small. A window too short to
 * hold minCodewords (two polls seconds apart) is not graded empty either: the counters since boot still speak.
 */
function windowed(
  current: Keyed,
  previous: Keyed,
  deltaWindow: Window | null,
  sinceBoot: Window,
  minCodewords: number,
): { counts: Codewords; window: Window } {
  const sameKeys = current.size === previous.size && [...current.keys()].every((k) => previous.has(k));
  if (deltaWindow == null || previous.size === 0 || !sameKeys) {
    return { counts: sum(current), window: sinceBoot };
  }
  for (const [key, after] of current) {
    const before = previous.get(key);
    if (before == null || decreased(before, after)) {
      return { counts: sum(current), window: { text: 'since its counters were last reset' } };
    }
  }
  const delta = minus(sum(current), sum(previous));
  if (delta.total < BigInt(Math.ceil(minCodewords))) {
    return { counts: sum(current), window: sinceBoot };
  }
  return { counts: delta, window: deltaWindow };
}

function ofdmGroup(profiles: ({ profileId: number } & Codewords)[], ncp: boolean): Keyed {
  const keyed: Keyed = new Map();
  for (const p of profiles) {
    if ((p.profileId === NCP_PROFILE_ID) === ncp) {
      keyed.set(p.profileId, { total: p.total, corrected: p.corrected, uncorrectable: p.uncorrectable });
    }
  }
  return keyed;
}

function resetFinding(reading: ReachableReading): Finding {
  return {
    code: 'FEC_WINDOW_RESET',
    severity: 'INFO',
    observed: 1,
    limit: 0,
    unit: 'state',
    message:
      `The modem restarted ${formatDuration(reading.uptimeSec)} ago, so its error counters only cover the time ` +
      `since then; re-check in 15 minutes.`,
  };
}

interface Windows {
  baseline: CounterSnapshot | null;
  delta: Window | null;
  sinceBoot: Window;
}

/** The baseline usable for deltas (none across a reboot), and how each kind of window is worded. */
function windowsOf(ctx: RuleContext): Windows & { rebooted: boolean } {
  const { reading, counterBaseline } = ctx;
  const rebooted =
    counterBaseline != null &&
    rebootedBetween(counterBaseline, { at: reading.observedAt, uptimeSec: reading.uptimeSec });
  const baseline = rebooted ? null : counterBaseline;
  return {
    rebooted,
    baseline,
    delta:
      baseline == null
        ? null
        : { text: `in the last ${formatDuration((reading.observedAt - baseline.at) / 1000)}` },
    sinceBoot: { text: `since the modem started ${formatDuration(reading.uptimeSec)} ago` },
  };
}

/**
 * The counts of one SC-QAM channel to grade, or null when they cannot be graded: counters not read, or 32-bit
 * counters (docsIfSigQ*) without a delta. Those wrap within a day at 256-QAM rates, so their values since boot
 * would give ratios out of thin air; only their change since a baseline inside one boot speaks.
 */
function scQamCounts(
  ch: DownstreamChannel,
  w: Windows,
  minCodewords: number,
): { counts: Codewords; window: Window } | null {
  if (ch.unerrored == null || ch.corrected == null || ch.uncorrectable == null) {
    return null;
  }
  const current: Keyed = new Map([
    [
      0,
      {
        total: ch.unerrored + ch.corrected + ch.uncorrectable,
        corrected: ch.corrected,
        uncorrectable: ch.uncorrectable,
      },
    ],
  ]);
  const previous: Keyed = new Map();
  const prev = w.baseline?.ds.find((p) => p.ifIndex === ch.ifIndex);
  if (prev) {
    previous.set(0, {
      total: prev.unerrored + prev.corrected + prev.uncorrectable,
      corrected: prev.corrected,
      uncorrectable: prev.uncorrectable,
    });
  }
  const result = windowed(current, previous, w.delta, w.sinceBoot, minCodewords);
  return ch.counterBits === 32 && result.window !== w.delta ? null : result;
}

/** Locked SC-QAM channels whose codeword counters cannot be graded now (see scQamCounts). */
export function ungradedCodewordChannels(ctx: RuleContext): DownstreamChannel[] {
  const w = windowsOf(ctx);
  return ctx.reading.downstream.filter(
    (ch) => ch.locked && scQamCounts(ch, w, ctx.thresholds.codewords.minCodewords) == null,
  );
}

/**
 * Codeword error ratios per channel (§2.5): locked SC-QAM downstream channels and OFDM channels (data profiles
 * summed, NCP profile 255 graded on its own). Never a lifetime total across channels.
 */
export const codewordsRule: Rule = (ctx) => {
  const { reading, thresholds } = ctx;
  const t = thresholds.codewords;
  const findings: Finding[] = [];
  const w = windowsOf(ctx);
  const { baseline, delta: deltaWindow, sinceBoot } = w;
  if (w.rebooted) {
    findings.push(resetFinding(reading));
  }

  for (const ch of reading.downstream) {
    // Counters not read, or not gradable yet, are left to diagnosis/not-checked.
    const graded = ch.locked ? scQamCounts(ch, w, t.minCodewords) : null;
    if (graded == null) {
      continue;
    }
    const channel = dsRef(ch);
    findings.push(...gradeCounters(graded.counts, channel, describeChannel(channel), graded.window, t));
  }

  for (const ch of reading.ofdm) {
    const channel = ofdmRef(ch);
    const prevProfiles = baseline?.ofdm.filter((p) => p.ifIndex === ch.ifIndex) ?? [];
    for (const ncp of [false, true]) {
      const current = ofdmGroup(ch.profiles, ncp);
      if (current.size === 0) {
        continue;
      }
      const { counts, window } = windowed(
        current,
        ofdmGroup(prevProfiles, ncp),
        deltaWindow,
        sinceBoot,
        t.minCodewords,
      );
      const what = ncp
        ? `The control channel (NCP) of ${describeChannel(channel)}`
        : describeChannel(channel);
      findings.push(...gradeCounters(counts, channel, what, window, t));
    }
  }
  return findings;
};
