import type { ComplexTap } from '../../domain/pre-equalization';
import type { PreEqThresholds } from '../../domain/thresholds';
import { powerRatioDb } from './decibels';
import { tapEnergy } from './tap-metrics';

// An echo closer than about one tap (under ~25 m at 5.12 Msym/s: in-home wiring, splitters, a bad jumper) has no
// tap of its own: it shows as energy on both taps next to the main tap while the taps further out stay clean.
// MTC barely moves (docs/pre-equalisation.md §2), so this is the sign to read.

export interface ShortEchoSign {
  present: boolean;
  /** The taps just before and just after the main tap (dBc); null when the main tap has no tap on that side. */
  preAdjacentDbc: number | null;
  postAdjacentDbc: number | null;
  /** The strongest tap two or more taps after the main tap (dBc); null when there is none. */
  farPostMaxDbc: number | null;
}

export function shortEchoSign(
  forward: readonly ComplexTap[],
  mainTap: number,
  t: PreEqThresholds,
): ShortEchoSign {
  const k = mainTap - 1;
  const mte = tapEnergy(forward[k]);
  const levelDbc = (i: number) => powerRatioDb(tapEnergy(forward[i]), mte);
  const preAdjacentDbc = k > 0 ? levelDbc(k - 1) : null;
  const postAdjacentDbc = k + 1 < forward.length ? levelDbc(k + 1) : null;
  const far = forward.slice(k + 2).map((_, j) => levelDbc(k + 2 + j));
  const farPostMaxDbc = far.length > 0 ? Math.max(...far) : null;
  const present =
    preAdjacentDbc !== null &&
    postAdjacentDbc !== null &&
    preAdjacentDbc >= t.adjacentTapMinDbc &&
    postAdjacentDbc >= t.adjacentTapMinDbc &&
    (farPostMaxDbc === null || farPostMaxDbc < t.echoTapMinDbc);
  return { present, preAdjacentDbc, postAdjacentDbc, farPostMaxDbc };
}
