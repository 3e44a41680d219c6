// @ts-check
// Plain words for the codes the API returns, and number/time formats. Every state has a text label and an icon,
// so that nothing is told by colour alone.

/** @typedef {import('./api-types.js').Verdict} Verdict */
/** @typedef {import('./api-types.js').ModemVerdict} ModemVerdict */
/** @typedef {import('./api-types.js').NodeState} NodeState */

/** Worst first, the order totals and legends use. */
export const VERDICT_ORDER = /** @type {const} */ ([
  'PLANT_OUTAGE',
  'MODEM_OFFLINE',
  'LINE_FAULT',
  'FLAPPING',
  'PROVISIONING_ISSUE',
  'MARGINAL',
  'INSUFFICIENT_DATA',
  'TEXTBOOK_OK',
]);

/** @type {Record<ModemVerdict, string>} */
export const VERDICT_LABEL = {
  PLANT_OUTAGE: 'Plant outage',
  MODEM_OFFLINE: 'Modem offline',
  OFFLINE_AT_CMTS: 'Offline at the CMTS',
  LINE_FAULT: 'Line fault',
  FLAPPING: 'Flapping',
  PROVISIONING_ISSUE: 'Provisioning issue',
  MARGINAL: 'Marginal',
  INSUFFICIENT_DATA: 'Not enough data',
  TEXTBOOK_OK: 'Textbook OK',
};

/** The CSS tone of a verdict: bad, warn, info, ok, none. */
/** @type {Record<ModemVerdict, string>} */
export const VERDICT_TONE = {
  PLANT_OUTAGE: 'bad',
  MODEM_OFFLINE: 'bad',
  OFFLINE_AT_CMTS: 'bad',
  LINE_FAULT: 'bad',
  FLAPPING: 'warn',
  PROVISIONING_ISSUE: 'info',
  MARGINAL: 'warn',
  INSUFFICIENT_DATA: 'none',
  TEXTBOOK_OK: 'ok',
};

/** Worst first, as GET /nodes?sort=worst orders them. */
export const STATE_ORDER = /** @type {const} */ (['OUTAGE', 'NODE_WIDE_FAULT', 'DEGRADED', 'UNKNOWN', 'OK']);

/** @type {Record<NodeState, { label: string, icon: string, explain: string }>} */
export const NODE_STATE = {
  OUTAGE: { label: 'Outage', icon: '✖', explain: 'many modems offline at the CMTS: a plant outage' },
  NODE_WIDE_FAULT: {
    label: 'Node-wide fault',
    icon: '⚠',
    explain: 'the same fault on a share of the node: a plant problem',
  },
  DEGRADED: {
    label: 'Degraded',
    icon: '▲',
    explain: 'a share of its modems have faults of their own or are offline',
  },
  UNKNOWN: { label: 'Unknown', icon: '?', explain: 'the CMTS did not answer, or shows no modem table' },
  OK: { label: 'OK', icon: '✓', explain: 'no shared faults, nobody offline' },
};

/** @type {Record<string, string>} */
const SUB_KIND_WORDS = {
  LOW_DS_POWER: 'low downstream level',
  HIGH_DS_POWER: 'high downstream level',
  LOW_DS_SNR: 'low downstream SNR',
  DS_TILT: 'downstream tilt',
  HIGH_US_POWER: 'high upstream transmit level',
  LOW_US_POWER: 'low upstream transmit level',
  OFDMA_TX_POWER: 'OFDMA transmit level',
  EXCESSIVE_UNCORRECTABLES: 'uncorrectable errors',
  HIGH_CORRECTED: 'many corrected errors',
  T3_T4_TIMEOUTS: 'T3/T4 timeouts',
  PARTIAL_SERVICE_DS: 'downstream channels dropped',
  PARTIAL_SERVICE_US: 'upstream channels dropped',
  OFDM_LOW_MER: 'low OFDM MER',
  OFDM_POWER: 'OFDM level',
  US_RX_OFFSET: 'upstream level off at the CMTS',
  LOW_US_SNR: 'low upstream SNR (ingress)',
  REGISTRATION_RF_FAILURE: 'registration failing on RF',
  SERVICE_GROUP_OUTAGE: 'node outage',
  CM_SNMP_UNREACHABLE_BUT_ONLINE: 'online but not answering SNMP',
  NODE_WIDE: 'shared by the node',
  RF_REINIT: 're-registrations',
  DEVICE_REBOOTS: 'reboots',
  NO_POWER_OR_DISCONNECTED: 'no power or disconnected',
  ACCESS_DENIED: 'access denied',
  FORWARDING_DISABLED: 'forwarding disabled',
  NO_CPE_DETECTED: 'nothing connected behind the modem',
  FEC_WINDOW_RESET: 'error counters restarted',
  NO_RESPONSE: 'no response',
  REGISTRATION_IN_PROGRESS: 'registering',
  NEIGHBOURS_UNKNOWN: 'neighbours not known',
  SILENCE_BURST: 'many modems silent at once',
  CMTS_NO_EVIDENCE: 'the CMTS shows no modem table',
};

export function subKindWords(/** @type {string} */ code) {
  return SUB_KIND_WORDS[code] ?? code.toLowerCase().replaceAll('_', ' ');
}

/** @type {Record<string, string>} */
const ACTION_WORDS = {
  CHECK_CUSTOMER_EQUIPMENT: 'Check the customer’s equipment',
  REMOTE_FIX: 'Try a remote fix',
  DISPATCH_TECHNICIAN: 'Dispatch a technician',
  ESCALATE_TO_NOC: 'Escalate to the NOC (plant problem)',
  CHECK_POWER_AND_CABLING: 'Check power and cabling',
  SWAP_MODEM: 'Swap the modem',
  BACK_OFFICE: 'Hand to the back office',
  NO_DISPATCH: 'No dispatch needed',
};

export function actionWords(/** @type {string} */ action) {
  return ACTION_WORDS[action] ?? action;
}

/** @type {Record<string, string>} */
const TIMELINE_WORDS = {
  VERDICT_CHANGED: 'Verdict changed',
  REBOOT: 'Reboot',
  REREGISTRATION: 'Re-registered',
  WENT_OFFLINE: 'Went offline',
  BACK_ONLINE: 'Back online',
};

export function timelineWords(/** @type {string} */ kind) {
  return TIMELINE_WORDS[kind] ?? kind;
}

export function percent(/** @type {number} */ share, digits = 0) {
  return `${(share * 100).toFixed(digits)}%`;
}

export function count(/** @type {number} */ n) {
  return n.toLocaleString('en-US');
}

/** "42 s", "3 min 5 s", "2 h 10 min". */
export function duration(/** @type {number} */ seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return `${s} s`;
  }
  if (s < 3600) {
    return `${Math.floor(s / 60)} min ${s % 60} s`;
  }
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** A local date and time to the second: "2026-11-25 14:03:07". */
export function clock(/** @type {string|number|null} */ at) {
  if (at == null) {
    return '—';
  }
  const d = new Date(at);
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

export function mhz(/** @type {number} */ hz) {
  return `${Math.round(hz / 1e4) / 100} MHz`;
}

/** @type {Record<string, string>} */
export const PRE_EQ_GRADE_WORDS = { TEXTBOOK: 'textbook', MARGINAL: 'marginal', FAULT: 'fault' };

/** @type {Record<string, string>} */
const DISTORTION_WORDS = {
  NONE: 'none',
  GROUP_DELAY: 'group delay (energy before the main tap)',
  MICRO_REFLECTION: 'micro-reflection (an echo after the main tap)',
  GROUP_DELAY_AND_MICRO_REFLECTION: 'group delay and a micro-reflection',
  UNCLASSIFIED: 'energy off the main tap on both sides',
};

export function distortionWords(/** @type {string} */ kind) {
  return DISTORTION_WORDS[kind] ?? kind.toLowerCase().replaceAll('_', ' ');
}

/** Where a shared echo's cavity is (GET /nodes/…: echoClusters). */
/** @type {Record<string, { label: string, explain: string }>} */
export const ECHO_PLACE = {
  TAP_OR_AMPLIFIER: { label: 'Tap or amplifier', explain: 'in a tap or amplifier these modems share' },
  PLANT: { label: 'Plant', explain: 'in the plant (an amplifier or hardline most of the node shares)' },
};

/** @type {Record<string, string>} */
export const CONFIDENCE_WORDS = { LOW: 'low', MEDIUM: 'medium', HIGH: 'high' };

const METRES_PER_FOOT = 0.3048;

/** "50 m (164 ft)". */
export function metresAndFeet(/** @type {number} */ metres) {
  return `${Math.round(metres)} m (${Math.round(metres / METRES_PER_FOOT)} ft)`;
}

/** To one decimal: "-14.7", "1.8". */
export function oneDecimal(/** @type {number} */ n) {
  return String(Math.round(n * 10) / 10);
}

/** A level in dB, as oneDecimal writes it (the unit is the caller's). */
export const decibels = oneDecimal;

/** A frequency offset from a channel's centre: "-2.56 MHz", "+0.64 MHz", "0 MHz". */
export function offsetMhz(/** @type {number} */ hz) {
  const mhz = Math.round(hz / 1e4) / 100;
  return `${mhz > 0 ? '+' : ''}${mhz} MHz`;
}

/** An upstream channel as the page names it: "US 1", or "US (ifIndex 2)" without a channel id. */
export function usChannelName(/** @type {{ channelId: number|null, ifIndex: number }} */ ch) {
  return ch.channelId == null ? `US (ifIndex ${ch.ifIndex})` : `US ${ch.channelId}`;
}

/** @type {Record<import('./api-types.js').Urgency, string>} */
export const URGENCY_LABEL = {
  NOC_ONLY: 'No house call: the NOC',
  SAME_DAY: 'Same-day visit',
  NEXT_AVAILABLE: 'Next available visit',
  NONE: 'No visit',
};

/** @type {Record<string, string>} */
export const SKILL_LABEL = {
  INSTALL_TECH: 'install technician',
  LINE_TECH: 'line technician',
  NOC: 'NOC',
  NONE: 'nobody',
};

/** @type {Record<string, string>} */
export const VISIT_WINDOW_LABEL = {
  BEFORE_CUTOFF: 'before the same-day cut-off',
  AFTER_CUTOFF: 'after the same-day cut-off',
  NOT_A_WORKING_DAY: 'no technicians today',
  NOT_URGENT: 'not urgent enough for today',
  NO_VISIT: 'no visit',
};

/** Words for a code: its label when there is one, else the code in lower case. */
export function codeWords(/** @type {string} */ code) {
  return code.toLowerCase().replaceAll('_', ' ');
}
