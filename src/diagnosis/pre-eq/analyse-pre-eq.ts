import {
  equalizerDataProblem,
  type CoefficientEncoding,
  type EqualizerData,
  type EqualizerDataFailure,
} from '../../domain/pre-equalization';
import type { PreEqThresholds } from '../../domain/thresholds';
import { classifyDistortion, type DistortionKind } from './distortion';
import { findEcho, type EchoSearch } from './echo';
import { inChannelFrequencyResponse, type FrequencyResponse } from './frequency-response';
import { gradeMainTapRatio, gradeNonMainEnergy, gradeRippleEcho, type PreEqGrade } from './grades';
import { estimateNominalAmplitude } from './nominal-amplitude';
import { shortEchoSign, type ShortEchoSign } from './short-echo';
import { preEqMetrics, tapLevelsDbc, type PreEqMetrics } from './tap-metrics';
import { equalizerTiming, type EqualizerTiming } from './timing';

// Everything the forward taps of one upstream channel say, in one pure call: the facts a locating rule, a finding
// and the dashboard's tap and response plots are made of. It grades and classifies; it does not decide a verdict.

export interface PreEqAnalysis {
  encoding: CoefficientEncoding;
  /** 1-based, as in the header. */
  mainTap: number;
  /** The vendor's unimpaired main tap amplitude, estimated from the taps (511, 1023, 2047, 32767...). */
  nominalAmplitude: number;
  /** Each forward tap relative to the main tap (dBc), in tap order: the tap plot. */
  tapLevelsDbc: number[];
  metrics: PreEqMetrics;
  grades: { mtr: PreEqGrade; nmter: PreEqGrade; rippleEcho: PreEqGrade };
  distortion: DistortionKind;
  echo: EchoSearch;
  shortEcho: ShortEchoSign;
  frequencyResponse: FrequencyResponse;
  /** Symbol rate and tap spacing; null when the channel width was not read (then no distances). */
  timing: EqualizerTiming | null;
}

export type PreEqOutcome =
  { ok: true; analysis: PreEqAnalysis } | { ok: false; failure: EqualizerDataFailure };

/**
 * Analyses decoded equaliser data of a channel `channelWidthHz` wide (docsIfUpChannelWidth; null when not read).
 * Data the decoder would refuse (a main tap of zero, outside the forward taps...) gets the same failure here.
 */
export function analysePreEq(
  data: EqualizerData,
  channelWidthHz: number | null,
  t: PreEqThresholds,
): PreEqOutcome {
  const problem = equalizerDataProblem(data);
  if (problem) {
    return { ok: false, failure: problem };
  }
  const { forward, mainTap } = data;
  const timing = equalizerTiming(channelWidthHz, data.tapsPerSymbol, t.velocityFactor);
  const metrics = preEqMetrics(forward, mainTap);
  const nominalAmplitude = estimateNominalAmplitude(metrics.tte, data.encoding);
  const frequencyResponse = inChannelFrequencyResponse(forward, mainTap, nominalAmplitude, timing);
  return {
    ok: true,
    analysis: {
      encoding: data.encoding,
      mainTap,
      nominalAmplitude,
      tapLevelsDbc: tapLevelsDbc(forward, mainTap),
      metrics,
      grades: {
        mtr: gradeMainTapRatio(metrics.mtrDb, t),
        nmter: gradeNonMainEnergy(metrics.nmterDb, t),
        rippleEcho: gradeRippleEcho(frequencyResponse.ripple.echoDbc, t),
      },
      distortion: classifyDistortion(metrics, t),
      echo: findEcho(forward, mainTap, t.echoTapMinDbc, timing),
      shortEcho: shortEchoSign(forward, mainTap, t),
      frequencyResponse,
      timing,
    },
  };
}
