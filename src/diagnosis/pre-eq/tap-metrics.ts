import type { ComplexTap } from '../../domain/pre-equalization';
import { powerRatioDb } from './decibels';

// The key pre-equalisation metrics (docs/pre-equalisation.md §2): energies of the forward taps around the main
// tap, and their ratios in dB. Eᵢ = reᵢ² + imᵢ², k the main tap.

export interface PreEqMetrics {
  /** Main tap energy E_k (the vendor's coefficient units, squared; so are the next three). */
  mte: number;
  /** Σ Eᵢ before the main tap. */
  preMte: number;
  /** Σ Eᵢ after the main tap. */
  postMte: number;
  /** Total tap energy: MTE + PreMTE + PostMTE. */
  tte: number;
  /** Main tap compression 10·log10(TTE / MTE), >= 0. */
  mtcDb: number;
  /** Main tap ratio 10·log10(MTE / (PreMTE + PostMTE)). */
  mtrDb: number;
  /** Non-main to total 10·log10((PreMTE + PostMTE) / TTE), <= 0. */
  nmterDb: number;
  /** 10·log10(PreMTE / TTE). */
  preMtterDb: number;
  /** 10·log10(PostMTE / TTE). */
  postMtterDb: number;
  /** Pre/post energy symmetry 10·log10(PostMTE / PreMTE) (PyPNM's direction): above 0, more energy after the main tap. */
  ppesrDb: number;
  /**
   * Pre/post tap symmetry 10·log10(E_k+1 / E_k-1), the two taps next to the main tap (PyPNM's direction); null when
   * the main tap is the first or the last forward tap (one of them does not exist).
   */
  pptsrDb: number | null;
}

export function tapEnergy(tap: ComplexTap): number {
  return tap.re * tap.re + tap.im * tap.im;
}

function sumEnergy(taps: readonly ComplexTap[]): number {
  return taps.reduce((sum, tap) => sum + tapEnergy(tap), 0);
}

/** The metrics of the forward taps around the main tap (1-based, as in the header). */
export function preEqMetrics(forward: readonly ComplexTap[], mainTap: number): PreEqMetrics {
  const k = mainTap - 1;
  const mte = tapEnergy(forward[k]);
  const preMte = sumEnergy(forward.slice(0, k));
  const postMte = sumEnergy(forward.slice(k + 1));
  const tte = mte + preMte + postMte;
  const hasBothNeighbours = k > 0 && k < forward.length - 1;
  return {
    mte,
    preMte,
    postMte,
    tte,
    mtcDb: powerRatioDb(tte, mte),
    mtrDb: powerRatioDb(mte, preMte + postMte),
    nmterDb: powerRatioDb(preMte + postMte, tte),
    preMtterDb: powerRatioDb(preMte, tte),
    postMtterDb: powerRatioDb(postMte, tte),
    ppesrDb: powerRatioDb(postMte, preMte),
    pptsrDb: hasBothNeighbours ? powerRatioDb(tapEnergy(forward[k + 1]), tapEnergy(forward[k - 1])) : null,
  };
}

/** Each forward tap's level relative to the main tap (dBc): 0 for the main tap itself. */
export function tapLevelsDbc(forward: readonly ComplexTap[], mainTap: number): number[] {
  const mte = tapEnergy(forward[mainTap - 1]);
  return forward.map((tap) => powerRatioDb(tapEnergy(tap), mte));
}
