import type { ComplexTap } from '../../domain/pre-equalization';

/** `count` zero taps with the given ones (1-based) set: coefficient vectors written by hand for the specs. */
export function tapsWith(set: Record<number, [number, number]>, count = 24): ComplexTap[] {
  return Array.from({ length: count }, (_, i) => {
    const [re, im] = set[i + 1] ?? [0, 0];
    return { re, im };
  });
}
