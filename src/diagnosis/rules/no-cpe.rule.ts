import type { Rule } from '../types';

/** An empty CPE table with a healthy line usually means the customer's router is off or unplugged. */
export const noCpeRule: Rule = (ctx) =>
  ctx.reading.cpes.length > 0
    ? []
    : [
        {
          code: 'NO_CPE_DETECTED',
          severity: 'INFO',
          observed: 0,
          limit: 1,
          unit: 'count',
          message:
            "No device is connected behind the modem: check the cable and power of the customer's router.",
        },
      ];
