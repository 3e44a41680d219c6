import type { Finding, PreEqSummary, Rule } from '../../domain/diagnosis';
import type { UpstreamChannel, ReachableReading } from '../../domain/modem-reading';
import type { PreEqThresholds } from '../../domain/thresholds';
import { decodeEqualizerData } from '../../mib/equalizer-data';
import { analysePreEq, type PreEqAnalysis } from '../pre-eq/analyse-pre-eq';
import { describeChannel, fmt, round, usRef } from '../rule-helpers';

/** An upstream channel with the analysis of its pre-equalisation coefficients. */
export interface AnalysedUpstream {
  channel: UpstreamChannel;
  analysis: PreEqAnalysis;
}

// The rule, the diagnosis's summary and not-checked all ask for one reading's analysis: it is made once.
const analysed = new WeakMap<ReachableReading, { t: PreEqThresholds; channels: AnalysedUpstream[] }>();

/** Channels whose coefficients were read and decode; an empty or malformed value is left out (not-checked says so). */
export function analysedUpstream(reading: ReachableReading, t: PreEqThresholds): AnalysedUpstream[] {
  const memo = analysed.get(reading);
  if (memo?.t === t) {
    return memo.channels;
  }
  const channels = analyse(reading, t);
  analysed.set(reading, { t, channels });
  return channels;
}

function analyse(reading: ReachableReading, t: PreEqThresholds): AnalysedUpstream[] {
  const out: AnalysedUpstream[] = [];
  for (const channel of reading.upstream) {
    if (channel.preEq == null || channel.preEq === '') {
      continue;
    }
    const decoded = decodeEqualizerData(Buffer.from(channel.preEq, 'hex'));
    if (!decoded.ok) {
      continue;
    }
    const outcome = analysePreEq(decoded.data, channel.widthHz ?? null, t);
    if (outcome.ok) {
      out.push({ channel, analysis: outcome.analysis });
    }
  }
  return out;
}

/** A channel's analysis with what names the channel: a modem's upstream, or a CMTS's (its own ifIndex). */
export interface ChannelAnalysis {
  channel: { ifIndex: number; channelId: number | null };
  analysis: PreEqAnalysis;
}

/** The worst channel (lowest main tap ratio) as a summary neighbours can be compared with; null when none. */
export function preEqSummary(analysed: readonly ChannelAnalysis[]): PreEqSummary | null {
  const worst = [...analysed].sort((a, b) => a.analysis.metrics.mtrDb - b.analysis.metrics.mtrDb)[0];
  if (!worst) {
    return null;
  }
  const { channel, analysis } = worst;
  const echo = analysis.echo;
  return {
    ifIndex: channel.ifIndex,
    channelId: channel.channelId,
    mtrDb: round(analysis.metrics.mtrDb, 2),
    grade: analysis.grades.mtr,
    distortion: analysis.distortion,
    echo: echo.found
      ? {
          delayTaps: round(echo.delayTaps, 2),
          levelDbc: round(echo.levelDbc, 1),
          distanceM: echo.distance ? round(echo.distance.metres, 1) : null,
        }
      : null,
    shortEcho: analysis.shortEcho.present,
  };
}

/**
 * Upstream pre-equalisation (pnm-and-dispatch §2.4): a main tap ratio below the textbook band means the modem is
 * pre-distorting hard against a reflection (micro-reflection) or a group-delay slope, which costs the upstream its
 * margin before the levels show it.
 */
export const usPreEqRule: Rule = (ctx) => {
  const t = ctx.thresholds.preEq;
  const findings: Finding[] = [];
  for (const { channel, analysis } of analysedUpstream(ctx.reading, t)) {
    const grade = analysis.grades.mtr;
    if (grade === 'TEXTBOOK') {
      continue;
    }
    const mtr = analysis.metrics.mtrDb;
    const groupDelay = analysis.distortion === 'GROUP_DELAY';
    const echo = analysis.echo;
    const where = analysis.shortEcho.present
      ? 'distortion right next to the modem (energy on both taps beside the main tap: a cavity shorter than one tap)'
      : echo.found && echo.distance && !groupDelay
        ? `a reflection about ${fmt(echo.distance.metres, 0)} m (${fmt(echo.distance.feet, 0)} ft) from the modem`
        : echo.found && !groupDelay
          ? `a reflection ${fmt(echo.delayTaps)} taps after the main tap (channel width not read, so no distance)`
          : groupDelay
            ? 'group delay (energy before the main tap: a filter, diplexer or amplifier slope)'
            : 'distortion close to the modem (energy next to the main tap)';
    const limit = grade === 'FAULT' ? t.mtrFaultDb : t.mtrTextbookDb;
    findings.push({
      code: groupDelay ? 'US_GROUP_DELAY' : 'US_MICRO_REFLECTION',
      severity: grade,
      channel: usRef(channel),
      observed: round(mtr),
      limit,
      unit: 'dB',
      message:
        `${describeChannel(usRef(channel))}: pre-equalisation shows ${where}: main tap ratio ${fmt(mtr)} dB, ` +
        (grade === 'FAULT'
          ? `below the ${fmt(t.mtrFaultDb)} dB limit.`
          : `below the recommended ${fmt(t.mtrTextbookDb)} dB but within the ${fmt(t.mtrFaultDb)} dB limit.`),
    });
  }
  return findings;
};
