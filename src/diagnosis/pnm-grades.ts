import type { PreEqThresholds } from '../domain/thresholds';
import { echoDbcFromRipple, rippleOfEchoDbc } from './pre-eq/frequency-response';
import type { PreEqGrade } from './pre-eq/grades';

// The DOCSIS 3.1 PNM summaries' amplitude ripple, graded as the echo level it means (docs/pnm.md §4): one echo of
// relative amplitude a ripples the response between 1 - a and 1 + a, so the pre-equalisation bands in dBc
// (`preEq.rippleEcho*`) are ripple depths too. The limits are compared in dB peak to peak, the unit the modem reports.

/** The pre-equalisation echo bands as ripple depths (dB peak to peak) next to their echo levels (dBc). */
export interface RippleBands {
  marginalDb: number;
  marginalDbc: number;
  faultDb: number;
  faultDbc: number;
}

export function rippleBands(t: PreEqThresholds): RippleBands {
  return {
    marginalDb: rippleOfEchoDbc(t.rippleEchoMarginalDbc),
    marginalDbc: t.rippleEchoMarginalDbc,
    faultDb: rippleOfEchoDbc(t.rippleEchoFaultDbc),
    faultDbc: t.rippleEchoFaultDbc,
  };
}

export interface RippleGrade {
  grade: PreEqGrade;
  /** The level of the one echo that would ripple this deep (dBc). */
  echoDbc: number;
  /** The band edge crossed (for TEXTBOOK: the marginal edge), as a ripple depth (dB). */
  limitDb: number;
}

export function gradeAmplitudeRipple(ripplePkPkDb: number, bands: RippleBands): RippleGrade {
  const echoDbc = echoDbcFromRipple(ripplePkPkDb);
  if (ripplePkPkDb > bands.faultDb) {
    return { grade: 'FAULT', echoDbc, limitDb: bands.faultDb };
  }
  return {
    grade: ripplePkPkDb > bands.marginalDb ? 'MARGINAL' : 'TEXTBOOK',
    echoDbc,
    limitDb: bands.marginalDb,
  };
}
