import type { ReachableReading } from '../../telemetry/modem-reading';
import {
  describeChannel,
  dsRef,
  formatDuration,
  limitPercent,
  ofdmRef,
  rebootedBetween,
  toPercent,
} from '../rule-helpers';
import type { ThresholdsProfile } from '../thresholds';
import type { ChannelRef, Finding, Rule } from '../types';

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

/**
 * Codeword error ratios per channel (§2.5): locked SC-QAM downstream channels and OFDM channels (data profiles
 * summed, NCP profile 255 graded on its own). Never a lifetime total across channels.
 */
export const codewordsRule: Rule = (ctx) => {
  const { reading, counterBaseline, thresholds } = ctx;
  const t = thresholds.codewords;
  const findings: Finding[] = [];
  const rebooted =
    counterBaseline != null &&
    rebootedBetween(counterBaseline, {
      at: reading.observedAt,
      uptimeSec: reading.uptimeSec,
    });
  const baseline = rebooted ? null : counterBaseline;
  if (rebooted) {
    findings.push(resetFinding(reading));
  }
  const deltaWindow: Window | null =
    baseline == null
      ? null
      : { text: `in the last ${formatDuration((reading.observedAt - baseline.at) / 1000)}` };
  const sinceBoot: Window = { text: `since the modem started ${formatDuration(reading.uptimeSec)} ago` };

  for (const ch of reading.downstream) {
    // Counters not read are not graded (diagnosis/not-checked lists the channel).
    if (!ch.locked || ch.unerrored == null || ch.corrected == null || ch.uncorrectable == null) {
      continue;
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
    const prev = baseline?.ds.find((p) => p.ifIndex === ch.ifIndex);
    if (prev) {
      previous.set(0, {
        total: prev.unerrored + prev.corrected + prev.uncorrectable,
        corrected: prev.corrected,
        uncorrectable: prev.uncorrectable,
      });
    }
    const { counts, window } = windowed(current, previous, deltaWindow, sinceBoot, t.minCodewords);
    const channel = dsRef(ch);
    findings.push(...gradeCounters(counts, channel, describeChannel(channel), window, t));
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
