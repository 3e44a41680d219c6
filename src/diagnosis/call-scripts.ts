import type { Verdict } from '../domain/diagnosis';
import type { CustomerService } from '../domain/modem-record';

/**
 * What the agent says on a call that is not (or not only) about the line: a few plain sentences read out to the
 * customer. The texts are in the `scripts` catalogue area (`scripts.<CODE>.title`, `scripts.<CODE>.text`).
 *
 * - POWER_IN_FLAT: the modem is offline while its neighbours are online: power in the flat, the fuse box, the
 *   modem's lights and plug, before anything else.
 * - PLANT_OUTAGE_INFO: the area is down (a node outage): reassure, no visit, the customer's call is attached to the
 *   outage ticket.
 * - OWN_EQUIPMENT: the line is textbook: the customer's router, Wi-Fi, computer, TV set and phone handset are not
 *   ours; a polite boundary, and what we can still check.
 * - TV_NOT_INTERNET: a customer without internet whose modem is there for the TV box: their TV complaint is
 *   checked on the same line, then the box.
 * - PHONE_NOT_INTERNET: a customer without internet whose phone line comes through the modem: the handset in the
 *   modem's phone port, then the line.
 * - SERVICE_NOT_SUBSCRIBED: the customer asks about a service they do not have here ("my TV is dead" from an
 *   internet-only customer): say so kindly, offer sales.
 * - OUTSIDE_SERVICE: questions outside the service: websites, e-mail providers, devices bought elsewhere.
 */
export const CALL_SCRIPTS = [
  'POWER_IN_FLAT',
  'PLANT_OUTAGE_INFO',
  'OWN_EQUIPMENT',
  'TV_NOT_INTERNET',
  'PHONE_NOT_INTERNET',
  'SERVICE_NOT_SUBSCRIBED',
  'OUTSIDE_SERVICE',
] as const;
export type CallScript = (typeof CALL_SCRIPTS)[number];

export interface CallScriptContext {
  /** The line's verdict; absent or null before the line is checked (just after verification). */
  verdict?: Verdict | null;
  /** What the customer subscribes to; null when no record says (then nothing is assumed). */
  services: readonly CustomerService[] | null;
  /** Whether the modem's node neighbours are online; absent when not known. */
  neighboursOnline?: boolean;
}

/**
 * The call scripts that fit this call, most relevant first: what the verdict asks the agent to say (an outage, a
 * modem without power, a textbook line), then what the customer's services call for, then the boundary of the
 * service, which fits any call. With no verdict yet (just verified) only the services' ones and the boundary.
 */
export function chooseCallScripts(ctx: CallScriptContext): CallScript[] {
  const out: CallScript[] = [];
  const { verdict, services, neighboursOnline } = ctx;
  if (verdict === 'PLANT_OUTAGE' || (verdict === 'MODEM_OFFLINE' && neighboursOnline === false)) {
    out.push('PLANT_OUTAGE_INFO');
  } else if (verdict === 'MODEM_OFFLINE') {
    // Neighbours online (or not known): nothing says the area is down, so power at home comes first.
    out.push('POWER_IN_FLAT');
  } else if (verdict === 'TEXTBOOK_OK') {
    out.push('OWN_EQUIPMENT');
  }
  if (services != null) {
    const has = new Set(services);
    if (has.has('tv') && !has.has('internet')) {
      out.push('TV_NOT_INTERNET');
    }
    if (has.has('phone') && !has.has('internet')) {
      out.push('PHONE_NOT_INTERNET');
    }
    if (has.size > 0 && (!has.has('internet') || !has.has('tv') || !has.has('phone'))) {
      out.push('SERVICE_NOT_SUBSCRIBED');
    }
  }
  out.push('OUTSIDE_SERVICE');
  return out;
}
