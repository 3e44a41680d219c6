import type { PreEqThresholds } from '../../domain/thresholds';

// The bands of docs/pre-equalisation.md §5, each limit inclusive on the better side (as every band of the profile).

export type PreEqGrade = 'TEXTBOOK' | 'MARGINAL' | 'FAULT';

/** Main tap ratio: higher is better. */
export function gradeMainTapRatio(mtrDb: number, t: PreEqThresholds): PreEqGrade {
  if (mtrDb >= t.mtrTextbookDb) {
    return 'TEXTBOOK';
  }
  return mtrDb >= t.mtrFaultDb ? 'MARGINAL' : 'FAULT';
}

/** Non-main to total tap energy: lower is better. */
export function gradeNonMainEnergy(nmterDb: number, t: PreEqThresholds): PreEqGrade {
  if (nmterDb <= t.nmterMarginalDb) {
    return 'TEXTBOOK';
  }
  return nmterDb <= t.nmterFaultDb ? 'MARGINAL' : 'FAULT';
}

/** The echo level read off the ripple: lower is better. */
export function gradeRippleEcho(echoDbc: number, t: PreEqThresholds): PreEqGrade {
  if (echoDbc <= t.rippleEchoMarginalDbc) {
    return 'TEXTBOOK';
  }
  return echoDbc <= t.rippleEchoFaultDbc ? 'MARGINAL' : 'FAULT';
}
