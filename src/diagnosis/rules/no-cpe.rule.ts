import type { Rule } from '../types';

/**
 * Nothing behind the modem on any source (its CPE table, its bridge, the CMTS's CPE table) with a healthy line
 * usually means the customer's router is off or unplugged. One source alone can be empty while a device is there.
 */
export const noCpeRule: Rule = (ctx) => {
  const cmtsCpes = ctx.cmts?.row?.cpes?.length ?? 0;
  if (ctx.reading.cpes.length > 0 || ctx.reading.cpeMacs.length > 0 || cmtsCpes > 0) {
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
