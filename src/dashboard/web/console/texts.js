// @ts-check
// The console's code → text tables: every value a whole catalogue key (src/i18n/catalogues/console), so the
// catalogue check sees each one used.
import { t } from '../i18n.js';

/** @typedef {import('../i18n.js').WebKey} WebKey */
/** @typedef {import('./types.js').Verdict} Verdict */

/** @type {Record<Verdict, WebKey>} */
export const VERDICT = {
  TEXTBOOK_OK: 'console.verdict.TEXTBOOK_OK',
  MARGINAL: 'console.verdict.MARGINAL',
  LINE_FAULT: 'console.verdict.LINE_FAULT',
  FLAPPING: 'console.verdict.FLAPPING',
  MODEM_OFFLINE: 'console.verdict.MODEM_OFFLINE',
  PLANT_OUTAGE: 'console.verdict.PLANT_OUTAGE',
  PROVISIONING_ISSUE: 'console.verdict.PROVISIONING_ISSUE',
  INSUFFICIENT_DATA: 'console.verdict.INSUFFICIENT_DATA',
};

/** @typedef {'green'|'amber'|'red'} Light */

/** The traffic light: green the line is fine, amber look closer, red it is broken. @type {Record<Verdict, Light>} */
export const LIGHT = {
  TEXTBOOK_OK: 'green',
  MARGINAL: 'amber',
  FLAPPING: 'amber',
  PROVISIONING_ISSUE: 'amber',
  INSUFFICIENT_DATA: 'amber',
  LINE_FAULT: 'red',
  MODEM_OFFLINE: 'red',
  PLANT_OUTAGE: 'red',
};

/** Each light's icon: the state is never told by colour alone. @type {Record<Light, string>} */
export const LIGHT_ICON = { green: '✔', amber: '!', red: '✖' };

/** A verdict code's label; a code this page does not know is shown as it is. @param {string} code */
export function verdictLabel(code) {
  const key = VERDICT[/** @type {Verdict} */ (code)];
  return key ? t(key) : code;
}

/** What the agent does next, when the answer has no `nextStep` of its own. @type {Record<string, WebKey>} */
export const ACTION_NEXT = {
  CHECK_CUSTOMER_EQUIPMENT: 'console.action.CHECK_CUSTOMER_EQUIPMENT',
  REMOTE_FIX: 'console.action.REMOTE_FIX',
  DISPATCH_TECHNICIAN: 'console.action.DISPATCH_TECHNICIAN',
  ESCALATE_TO_NOC: 'console.action.ESCALATE_TO_NOC',
  CHECK_POWER_AND_CABLING: 'console.action.CHECK_POWER_AND_CABLING',
  SWAP_MODEM: 'console.action.SWAP_MODEM',
  BACK_OFFICE: 'console.action.BACK_OFFICE',
  NO_DISPATCH: 'console.action.NO_DISPATCH',
};

/** @type {Record<string, WebKey>} */
export const URGENCY = {
  SAME_DAY: 'console.dispatch.urgency.SAME_DAY',
  NEXT_AVAILABLE: 'console.dispatch.urgency.NEXT_AVAILABLE',
  NOC_ONLY: 'console.dispatch.urgency.NOC_ONLY',
  NONE: 'console.dispatch.urgency.NONE',
};

/** @type {Record<string, WebKey>} */
export const SKILL = {
  INSTALL_TECH: 'console.dispatch.skill.INSTALL_TECH',
  LINE_TECH: 'console.dispatch.skill.LINE_TECH',
  NOC: 'console.dispatch.skill.NOC',
  NONE: 'console.dispatch.skill.NONE',
};

/** @type {Record<string, WebKey>} */
export const BRING = {
  PAD_ATTENUATOR: 'console.dispatch.bring.PAD_ATTENUATOR',
  SPLITTER: 'console.dispatch.bring.SPLITTER',
  CONNECTORS: 'console.dispatch.bring.CONNECTORS',
  DROP_CABLE: 'console.dispatch.bring.DROP_CABLE',
  SPARE_MODEM: 'console.dispatch.bring.SPARE_MODEM',
};

/** @type {Record<string, WebKey>} */
export const FIRST_CHECK = {
  CHECK_POWER_AT_MODEM: 'console.dispatch.check.CHECK_POWER_AT_MODEM',
  CHECK_COAX_AT_MODEM: 'console.dispatch.check.CHECK_COAX_AT_MODEM',
  REMOTE_REBOOT: 'console.dispatch.check.REMOTE_REBOOT',
  TEST_WIRED_TO_MODEM: 'console.dispatch.check.TEST_WIRED_TO_MODEM',
  MEASURE_AT_ENTRY_POINT: 'console.dispatch.check.MEASURE_AT_ENTRY_POINT',
  CHECK_DROP_AND_GROUND_BLOCK: 'console.dispatch.check.CHECK_DROP_AND_GROUND_BLOCK',
  CHECK_TAP_AND_AMPLIFIER: 'console.dispatch.check.CHECK_TAP_AND_AMPLIFIER',
  CHECK_NODE_ALARMS: 'console.dispatch.check.CHECK_NODE_ALARMS',
  CHECK_PROVISIONING: 'console.dispatch.check.CHECK_PROVISIONING',
  RECHECK_LINE: 'console.dispatch.check.RECHECK_LINE',
};

/** @type {Record<string, WebKey>} */
export const SEVERITY = {
  FAULT: 'console.details.severity.FAULT',
  MARGINAL: 'console.details.severity.MARGINAL',
  INFO: 'console.details.severity.INFO',
};

/** @type {Record<import('./types.js').Service, WebKey>} */
export const SERVICE = {
  internet: 'console.services.internet',
  tv: 'console.services.tv',
  phone: 'console.services.phone',
};

/** A code through its table, or the code itself when the table does not know it. @param {Record<string, WebKey>} table @param {string} code */
export function label(table, code) {
  const key = table[code];
  return key ? t(key) : code;
}
