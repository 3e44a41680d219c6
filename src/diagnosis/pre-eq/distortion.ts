import type { PreEqThresholds } from '../../domain/thresholds';
import type { PreEqMetrics } from './tap-metrics';

// What kind of distortion the taps correct (DataMiner's rule, docs/pre-equalisation.md §5): energy before the main
// tap is group delay (filters, amplifier alignment), energy after it an echo (micro-reflection).

export type DistortionKind =
  | 'NONE'
  | 'GROUP_DELAY'
  | 'MICRO_REFLECTION'
  | 'GROUP_DELAY_AND_MICRO_REFLECTION'
  /** Energy off the main tap, but spread evenly on both sides, as neither rule reads it. */
  | 'UNCLASSIFIED';

export function classifyDistortion(metrics: PreEqMetrics, t: PreEqThresholds): DistortionKind {
  if (metrics.nmterDb <= t.nmterMarginalDb) {
    return 'NONE';
  }
  const groupDelay = metrics.preMtterDb - metrics.postMtterDb > t.groupDelayMarginDb;
  const microReflection = metrics.postMtterDb > t.postMtterDb;
  if (groupDelay && microReflection) {
    return 'GROUP_DELAY_AND_MICRO_REFLECTION';
  }
  if (groupDelay) {
    return 'GROUP_DELAY';
  }
  return microReflection ? 'MICRO_REFLECTION' : 'UNCLASSIFIED';
}
