import type { ReachableReading } from '../../domain/modem-reading';
import type { CmtsContext, Rule } from '../../domain/diagnosis';

/** Any device seen behind the modem, on any source: then its absence needs no checking. */
export function cpeSeen(reading: ReachableReading, cmts: CmtsContext | undefined): boolean {
  return reading.cpes.length > 0 || (reading.cpeMacs?.length ?? 0) > 0 || (cmts?.row?.cpes?.length ?? 0) > 0;
}

/**
 * Nothing behind the modem, with a healthy line, usually means the customer's router is off or unplugged. Only
 * positive evidence counts: the modem's bridge table answered with its status column and holds no learned(3) entry,
 * and no other source (its CPE table, the CMTS's CPE table) lists a device. A missing table or a missing status
 * column proves nothing: diagnosis/not-checked reports it instead.
 */
export const noCpeRule: Rule = (ctx) => {
  if (cpeSeen(ctx.reading, ctx.cmts) || ctx.reading.cpeMacs == null) {
    return [];
  }
  return [
    {
      code: 'NO_CPE_DETECTED',
      severity: 'INFO',
      observed: 0,
      limit: 1,
      unit: 'count',
      message: "No device is connected behind the modem: check the cable and power of the customer's router.",
    },
  ];
};
