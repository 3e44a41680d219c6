import { chooseCallScripts, type CallScript } from '../diagnosis/call-scripts';
import type { Verdict } from '../domain/diagnosis';
import type { CustomerService } from '../domain/modem-record';
import type { MessageKey, Say } from '../i18n/messages';

/** Each call script's title (for the agent's eye) in the `scripts` catalogue area. */
export const CALL_SCRIPT_TITLE: Readonly<Record<CallScript, MessageKey>> = {
  POWER_IN_FLAT: 'scripts.POWER_IN_FLAT.title',
  PLANT_OUTAGE_INFO: 'scripts.PLANT_OUTAGE_INFO.title',
  OWN_EQUIPMENT: 'scripts.OWN_EQUIPMENT.title',
  TV_NOT_INTERNET: 'scripts.TV_NOT_INTERNET.title',
  PHONE_NOT_INTERNET: 'scripts.PHONE_NOT_INTERNET.title',
  SERVICE_NOT_SUBSCRIBED: 'scripts.SERVICE_NOT_SUBSCRIBED.title',
  OUTSIDE_SERVICE: 'scripts.OUTSIDE_SERVICE.title',
};

/** Each call script's text, what the agent reads out to the customer, in the `scripts` catalogue area. */
export const CALL_SCRIPT_TEXT: Readonly<Record<CallScript, MessageKey>> = {
  POWER_IN_FLAT: 'scripts.POWER_IN_FLAT.text',
  PLANT_OUTAGE_INFO: 'scripts.PLANT_OUTAGE_INFO.text',
  OWN_EQUIPMENT: 'scripts.OWN_EQUIPMENT.text',
  TV_NOT_INTERNET: 'scripts.TV_NOT_INTERNET.text',
  PHONE_NOT_INTERNET: 'scripts.PHONE_NOT_INTERNET.text',
  SERVICE_NOT_SUBSCRIBED: 'scripts.SERVICE_NOT_SUBSCRIBED.text',
  OUTSIDE_SERVICE: 'scripts.OUTSIDE_SERVICE.text',
};

/** A service's name in a sentence ("internet, TV and phone"). */
export const SERVICE_NAME: Readonly<Record<CustomerService, MessageKey>> = {
  internet: 'scripts.service.internet',
  tv: 'scripts.service.tv',
  phone: 'scripts.service.phone',
};

/** A call script as an answer carries it: its code, and its title and text in the answer's language. */
export interface CallScriptText {
  code: CallScript;
  title: string;
  text: string;
}

export function callScriptTexts(codes: readonly CallScript[], say: Say): CallScriptText[] {
  return codes.map((code) => ({
    code,
    title: say(CALL_SCRIPT_TITLE[code]),
    text: say(CALL_SCRIPT_TEXT[code]),
  }));
}

/** The scripts for a line's answer: chosen from its verdict and the customer's services (null: not known). */
export function lineScripts(
  verdict: Verdict,
  services: readonly CustomerService[] | null | undefined,
  say: Say,
): CallScriptText[] {
  return callScriptTexts(chooseCallScripts({ verdict, services: services ?? null }), say);
}
