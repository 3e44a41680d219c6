// @ts-check
// Words for the codes the API returns, and number/time formats, in the page's language (i18n.js). Every code maps
// to a whole catalogue key through a typed table, so the catalogue test sees every key in use. Every state has a
// text label and an icon, so that nothing is told by colour alone.
import { locale, t } from './i18n.js';

/** @typedef {import('./i18n.js').WebKey} WebKey */
/** @typedef {import('./api-types.js').Verdict} Verdict */
/** @typedef {import('./api-types.js').ModemVerdict} ModemVerdict */
/** @typedef {import('./api-types.js').NodeState} NodeState */
/** @typedef {import('./api-types.js').SubKind} SubKind */

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

/** @type {Readonly<Record<ModemVerdict, WebKey>>} */
const VERDICT_LABEL = {
  PLANT_OUTAGE: 'dashboard.verdict.plantOutage',
  MODEM_OFFLINE: 'dashboard.verdict.modemOffline',
  OFFLINE_AT_CMTS: 'dashboard.verdict.offlineAtCmts',
  LINE_FAULT: 'dashboard.verdict.lineFault',
  FLAPPING: 'dashboard.verdict.flapping',
  PROVISIONING_ISSUE: 'dashboard.verdict.provisioningIssue',
  MARGINAL: 'dashboard.verdict.marginal',
  INSUFFICIENT_DATA: 'dashboard.verdict.insufficientData',
  TEXTBOOK_OK: 'dashboard.verdict.textbookOk',
};

/** A verdict's label ("Line fault"), or the code itself for one this page does not know. */
export function verdictLabel(/** @type {string} */ verdict) {
  const key = VERDICT_LABEL[/** @type {ModemVerdict} */ (verdict)];
  return key ? t(key) : verdict;
}

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

/** @type {Readonly<Record<NodeState, { label: WebKey, icon: string, explain: WebKey }>>} */
const NODE_STATE = {
  OUTAGE: { label: 'dashboard.nodeState.outage', icon: '✖', explain: 'dashboard.nodeState.outage.explain' },
  NODE_WIDE_FAULT: {
    label: 'dashboard.nodeState.nodeWideFault',
    icon: '⚠',
    explain: 'dashboard.nodeState.nodeWideFault.explain',
  },
  DEGRADED: {
    label: 'dashboard.nodeState.degraded',
    icon: '▲',
    explain: 'dashboard.nodeState.degraded.explain',
  },
  UNKNOWN: {
    label: 'dashboard.nodeState.unknown',
    icon: '?',
    explain: 'dashboard.nodeState.unknown.explain',
  },
  OK: { label: 'dashboard.nodeState.ok', icon: '✓', explain: 'dashboard.nodeState.ok.explain' },
};

/** A node state's label, icon and one-line explanation in the page's language. */
export function nodeState(/** @type {NodeState} */ state) {
  const s = NODE_STATE[state] ?? NODE_STATE.UNKNOWN;
  return { label: t(s.label), icon: s.icon, explain: t(s.explain) };
}

/** @type {Readonly<Record<SubKind, WebKey>>} */
const SUB_KIND_WORDS = {
  LOW_DS_POWER: 'dashboard.subKind.lowDsPower',
  HIGH_DS_POWER: 'dashboard.subKind.highDsPower',
  LOW_DS_SNR: 'dashboard.subKind.lowDsSnr',
  DS_TILT: 'dashboard.subKind.dsTilt',
  HIGH_US_POWER: 'dashboard.subKind.highUsPower',
  LOW_US_POWER: 'dashboard.subKind.lowUsPower',
  OFDMA_TX_POWER: 'dashboard.subKind.ofdmaTxPower',
  EXCESSIVE_UNCORRECTABLES: 'dashboard.subKind.excessiveUncorrectables',
  HIGH_CORRECTED: 'dashboard.subKind.highCorrected',
  T3_T4_TIMEOUTS: 'dashboard.subKind.t3T4Timeouts',
  PARTIAL_SERVICE_DS: 'dashboard.subKind.partialServiceDs',
  PARTIAL_SERVICE_US: 'dashboard.subKind.partialServiceUs',
  OFDM_LOW_MER: 'dashboard.subKind.ofdmLowMer',
  OFDM_POWER: 'dashboard.subKind.ofdmPower',
  US_RX_OFFSET: 'dashboard.subKind.usRxOffset',
  LOW_US_SNR: 'dashboard.subKind.lowUsSnr',
  REGISTRATION_RF_FAILURE: 'dashboard.subKind.registrationRfFailure',
  SERVICE_GROUP_OUTAGE: 'dashboard.subKind.serviceGroupOutage',
  CM_SNMP_UNREACHABLE_BUT_ONLINE: 'dashboard.subKind.cmSnmpUnreachableButOnline',
  NODE_WIDE: 'dashboard.subKind.nodeWide',
  RF_REINIT: 'dashboard.subKind.rfReinit',
  DEVICE_REBOOTS: 'dashboard.subKind.deviceReboots',
  NO_POWER_OR_DISCONNECTED: 'dashboard.subKind.noPowerOrDisconnected',
  ACCESS_DENIED: 'dashboard.subKind.accessDenied',
  FORWARDING_DISABLED: 'dashboard.subKind.forwardingDisabled',
  NO_CPE_DETECTED: 'dashboard.subKind.noCpeDetected',
  FEC_WINDOW_RESET: 'dashboard.subKind.fecWindowReset',
  NO_RESPONSE: 'dashboard.subKind.noResponse',
  REGISTRATION_IN_PROGRESS: 'dashboard.subKind.registrationInProgress',
  NEIGHBOURS_UNKNOWN: 'dashboard.subKind.neighboursUnknown',
  SILENCE_BURST: 'dashboard.subKind.silenceBurst',
  CMTS_NO_EVIDENCE: 'dashboard.subKind.cmtsNoEvidence',
  US_MICRO_REFLECTION: 'dashboard.subKind.usMicroReflection',
  US_GROUP_DELAY: 'dashboard.subKind.usGroupDelay',
  OFDM_MER_SPREAD: 'dashboard.subKind.ofdmMerSpread',
  DS_MICRO_REFLECTION: 'dashboard.subKind.dsMicroReflection',
  DS_GROUP_DELAY: 'dashboard.subKind.dsGroupDelay',
  OFDMA_PRE_EQ_NOT_APPLIED: 'dashboard.subKind.ofdmaPreEqNotApplied',
};

/** A sub-kind (or a finding code, most of which are sub-kinds) in words; an unknown code in lower case. */
export function subKindWords(/** @type {string} */ code) {
  const key = SUB_KIND_WORDS[/** @type {SubKind} */ (code)];
  return key ? t(key) : codeWords(code);
}

/** @type {Readonly<Record<import('./api-types.js').Action, WebKey>>} */
const ACTION_WORDS = {
  CHECK_CUSTOMER_EQUIPMENT: 'dashboard.action.checkCustomerEquipment',
  REMOTE_FIX: 'dashboard.action.remoteFix',
  DISPATCH_TECHNICIAN: 'dashboard.action.dispatchTechnician',
  ESCALATE_TO_NOC: 'dashboard.action.escalateToNoc',
  CHECK_POWER_AND_CABLING: 'dashboard.action.checkPowerAndCabling',
  SWAP_MODEM: 'dashboard.action.swapModem',
  BACK_OFFICE: 'dashboard.action.backOffice',
  NO_DISPATCH: 'dashboard.action.noDispatch',
};

export function actionWords(/** @type {string} */ action) {
  const key = ACTION_WORDS[/** @type {import('./api-types.js').Action} */ (action)];
  return key ? t(key) : action;
}

/** @type {Readonly<Record<string, WebKey>>} */
const TIMELINE_WORDS = {
  VERDICT_CHANGED: 'dashboard.timeline.kind.verdictChanged',
  REBOOT: 'dashboard.timeline.kind.reboot',
  REREGISTRATION: 'dashboard.timeline.kind.reregistration',
  WENT_OFFLINE: 'dashboard.timeline.kind.wentOffline',
  BACK_ONLINE: 'dashboard.timeline.kind.backOnline',
  T3_TIMEOUT: 'dashboard.timeline.kind.t3Timeout',
  T4_TIMEOUT: 'dashboard.timeline.kind.t4Timeout',
  RANGING_FAILED: 'dashboard.timeline.kind.rangingFailed',
  SYNC_LOSS: 'dashboard.timeline.kind.syncLoss',
  DHCP_FAILURE: 'dashboard.timeline.kind.dhcpFailure',
  TOD_FAILURE: 'dashboard.timeline.kind.todFailure',
  CONFIG_FILE_FAILURE: 'dashboard.timeline.kind.configFileFailure',
  OTHER: 'dashboard.timeline.kind.other',
};

/** A timeline event's kind, Linecheck's own or one only the modem's log shows. */
export function timelineWords(/** @type {string} */ kind) {
  const key = TIMELINE_WORDS[kind];
  return key ? t(key) : kind;
}

/** @type {Readonly<Record<string, WebKey>>} */
const FIRST_CHECK_WORDS = {
  CHECK_POWER_AT_MODEM: 'dashboard.firstCheck.powerAtModem',
  CHECK_COAX_AT_MODEM: 'dashboard.firstCheck.coaxAtModem',
  REMOTE_REBOOT: 'dashboard.firstCheck.remoteReboot',
  TEST_WIRED_TO_MODEM: 'dashboard.firstCheck.wiredToModem',
  MEASURE_AT_ENTRY_POINT: 'dashboard.firstCheck.measureAtEntryPoint',
  CHECK_DROP_AND_GROUND_BLOCK: 'dashboard.firstCheck.dropAndGroundBlock',
  CHECK_TAP_AND_AMPLIFIER: 'dashboard.firstCheck.tapAndAmplifier',
  CHECK_NODE_ALARMS: 'dashboard.firstCheck.nodeAlarms',
  CHECK_PROVISIONING: 'dashboard.firstCheck.provisioning',
  RECHECK_LINE: 'dashboard.firstCheck.recheckLine',
};

export function firstCheckWords(/** @type {string} */ code) {
  const key = FIRST_CHECK_WORDS[code];
  return key ? t(key) : codeWords(code);
}

/** @type {Readonly<Record<string, WebKey>>} */
const BRING_WORDS = {
  PAD_ATTENUATOR: 'dashboard.bring.padAttenuator',
  SPLITTER: 'dashboard.bring.splitter',
  CONNECTORS: 'dashboard.bring.connectors',
  DROP_CABLE: 'dashboard.bring.dropCable',
  SPARE_MODEM: 'dashboard.bring.spareModem',
};

export function bringWords(/** @type {string} */ code) {
  const key = BRING_WORDS[code];
  return key ? t(key) : codeWords(code);
}

/** @type {Readonly<Record<string, WebKey>>} */
const CONFIRMATION_PATTERN_WORDS = {
  CONTINUOUS: 'dashboard.dispatch.pattern.continuous',
  INTERMITTENT: 'dashboard.dispatch.pattern.intermittent',
  SINGLE_READING: 'dashboard.dispatch.pattern.singleReading',
};

export function patternWords(/** @type {string} */ code) {
  const key = CONFIRMATION_PATTERN_WORDS[code];
  return key ? t(key) : codeWords(code);
}

/** @type {Readonly<Record<string, WebKey>>} */
const PLACE_WORDS = {
  HOME: 'dashboard.place.home',
  DROP: 'dashboard.place.drop',
  TAP_OR_AMPLIFIER: 'dashboard.place.tapOrAmplifier',
  PLANT: 'dashboard.place.plant',
  UNKNOWN: 'dashboard.place.unknown',
};

/** Where a fault is (the outcomes' predicted places). */
export function placeWords(/** @type {string} */ code) {
  const key = PLACE_WORDS[code];
  return key ? t(key) : codeWords(code);
}

/** @type {Readonly<Record<import('./api-types.js').Severity, WebKey>>} */
const SEVERITY_WORDS = {
  FAULT: 'dashboard.severity.fault',
  MARGINAL: 'dashboard.severity.marginal',
  INFO: 'dashboard.severity.info',
};

/** A finding's severity as a label: Fault, Marginal, Note. */
export function severityWords(/** @type {string} */ code) {
  const key = SEVERITY_WORDS[/** @type {import('./api-types.js').Severity} */ (code)];
  return key ? t(key) : codeWords(code);
}

/** @type {Readonly<Record<'ok'|'marginal'|'fault', WebKey>>} */
const STATUS_WORDS = {
  ok: 'dashboard.status.ok',
  marginal: 'dashboard.status.marginal',
  fault: 'dashboard.status.fault',
};

/** A channel's status as its chart and tables say it: OK, Marginal, Fault. */
export function statusWords(/** @type {'ok'|'marginal'|'fault'} */ status) {
  return t(STATUS_WORDS[status]);
}

/** @type {Map<string, Intl.NumberFormat>} */
const numberFormats = new Map();

/** A cached Intl.NumberFormat for the page's language. @param {Intl.NumberFormatOptions} [options] */
function numbers(options = {}) {
  const id = `${locale()}|${JSON.stringify(options)}`;
  let format = numberFormats.get(id);
  if (!format) {
    format = new Intl.NumberFormat(locale(), options);
    numberFormats.set(id, format);
  }
  return format;
}

/** A share (0..1) in percent the language's way: "12%", "12 %". */
export function percent(/** @type {number} */ share, digits = 0) {
  return numbers({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    share,
  );
}

/** A rate (0..1) in percent to a tenth at most: "12.5%", "12,5 %". */
export function rate(/** @type {number} */ share) {
  return numbers({ style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** A count: "1,234" in English, "1234" / "12 345" in Polish. */
export function count(/** @type {number} */ n) {
  return numbers().format(n);
}

/** A number to at most `digits` decimals, with the language's decimal mark: "-14.7", "-14,7". */
export function decimal(/** @type {number} */ n, digits = 1) {
  const factor = 10 ** digits;
  // || 0: a rounded -0 would print as "-0".
  return numbers({ maximumFractionDigits: digits }).format(Math.round(n * factor) / factor || 0);
}

/** A small number to `digits` significant digits, the language's way: "0.0012", "0,0012". */
export function significant(/** @type {number} */ n, digits = 2) {
  return numbers({ maximumSignificantDigits: digits }).format(n);
}

/** "42 s", "3 min 5 s", "2 h 10 min". */
export function duration(/** @type {number} */ seconds) {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return t('dashboard.duration.seconds', { s });
  }
  if (s < 3600) {
    return t('dashboard.duration.minutes', { m: Math.floor(s / 60), s: s % 60 });
  }
  return t('dashboard.duration.hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

/** @type {Map<string, Intl.DateTimeFormat>} */
const dateFormats = new Map();

/** A local date and time to the second, the language's way: "25/11/2026, 14:03:07", "25.11.2026, 14:03:07". */
export function clock(/** @type {string|number|null} */ at) {
  if (at == null) {
    return '—';
  }
  let format = dateFormats.get(locale());
  if (!format) {
    format = new Intl.DateTimeFormat(locale(), {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dateFormats.set(locale(), format);
  }
  return format.format(new Date(at));
}

/** A calendar day (YYYY-MM-DD) the language's way: "25 November 2026", "25 listopada 2026". */
export function calendarDay(/** @type {string} */ isoDay) {
  const d = new Date(`${isoDay}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) {
    return isoDay;
  }
  return new Intl.DateTimeFormat(locale(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** A frequency in MHz to two decimals: "603 MHz", "38,5 MHz". */
export function mhz(/** @type {number} */ hz) {
  return `${numbers({ maximumFractionDigits: 2 }).format(Math.round(hz / 1e4) / 100)} MHz`;
}

/** @type {Readonly<Record<import('./api-types.js').PreEqGrade, WebKey>>} */
const PRE_EQ_GRADE_WORDS = {
  TEXTBOOK: 'dashboard.preEq.grade.textbook',
  MARGINAL: 'dashboard.preEq.grade.marginal',
  FAULT: 'dashboard.preEq.grade.fault',
};

export function gradeWords(/** @type {string} */ grade) {
  const key = PRE_EQ_GRADE_WORDS[/** @type {import('./api-types.js').PreEqGrade} */ (grade)];
  return key ? t(key) : codeWords(grade);
}

/** @type {Readonly<Record<import('./api-types.js').PreEqAnalysis['distortion'], WebKey>>} */
const DISTORTION_WORDS = {
  NONE: 'dashboard.preEq.distortion.none',
  GROUP_DELAY: 'dashboard.preEq.distortion.groupDelay',
  MICRO_REFLECTION: 'dashboard.preEq.distortion.microReflection',
  GROUP_DELAY_AND_MICRO_REFLECTION: 'dashboard.preEq.distortion.groupDelayAndMicroReflection',
  UNCLASSIFIED: 'dashboard.preEq.distortion.unclassified',
};

export function distortionWords(/** @type {string} */ kind) {
  const key = DISTORTION_WORDS[/** @type {import('./api-types.js').PreEqAnalysis['distortion']} */ (kind)];
  return key ? t(key) : codeWords(kind);
}

/** Where a shared echo's cavity is (GET /nodes/…: echoClusters). */
/** @type {Readonly<Record<import('./api-types.js').EchoCluster['place'], { label: WebKey, explain: WebKey }>>} */
const ECHO_PLACE = {
  TAP_OR_AMPLIFIER: {
    label: 'dashboard.echo.place.tapOrAmplifier',
    explain: 'dashboard.echo.place.tapOrAmplifier.explain',
  },
  PLANT: { label: 'dashboard.echo.place.plant', explain: 'dashboard.echo.place.plant.explain' },
};

/** A shared echo's place: its label and where that is, or the code for a place this page does not know. */
export function echoPlace(/** @type {string} */ place) {
  const p = ECHO_PLACE[/** @type {import('./api-types.js').EchoCluster['place']} */ (place)];
  return p ? { label: t(p.label), explain: t(p.explain) } : { label: codeWords(place), explain: '' };
}

/** @type {Readonly<Record<'LOW'|'MEDIUM'|'HIGH', WebKey>>} */
const CONFIDENCE_WORDS = {
  LOW: 'dashboard.echo.confidence.low',
  MEDIUM: 'dashboard.echo.confidence.medium',
  HIGH: 'dashboard.echo.confidence.high',
};

export function confidenceWords(/** @type {string} */ level) {
  const key = CONFIDENCE_WORDS[/** @type {'LOW'|'MEDIUM'|'HIGH'} */ (level)];
  return key ? t(key) : codeWords(level);
}

const METRES_PER_FOOT = 0.3048;

/** "50 m (164 ft)". */
export function metresAndFeet(/** @type {number} */ metres) {
  return `${count(Math.round(metres))} m (${count(Math.round(metres / METRES_PER_FOOT))} ft)`;
}

/** To one decimal, the language's way: "-14.7", "1,8". */
export function oneDecimal(/** @type {number} */ n) {
  return decimal(n, 1);
}

/** Rounded to tenths, as a number: for plurals that count fractions ("2.5 taps", "2,5 tapu"). */
export function tenths(/** @type {number} */ n) {
  return Math.round(n * 10) / 10 || 0;
}

/** A level in dB, as oneDecimal writes it (the unit is the caller's). */
export const decibels = oneDecimal;

/** A frequency offset from a channel's centre: "-2.56 MHz", "+0.64 MHz", "0 MHz". */
export function offsetMhz(/** @type {number} */ hz) {
  const mhz = Math.round(hz / 1e4) / 100 || 0;
  return `${numbers({ maximumFractionDigits: 2, signDisplay: 'exceptZero' }).format(mhz)} MHz`;
}

/** An upstream channel as the page names it: "US 1", or "US (ifIndex 2)" without a channel id. */
export function usChannelName(/** @type {{ channelId: number|null, ifIndex: number }} */ ch) {
  return ch.channelId == null
    ? t('dashboard.channel.usIfIndex', { ifIndex: String(ch.ifIndex) })
    : t('dashboard.channel.us', { id: String(ch.channelId) });
}

/** A downstream SC-QAM channel as the page names it: "DS 5". */
export function dsChannelName(/** @type {number} */ channelId) {
  return t('dashboard.channel.ds', { id: String(channelId) });
}

/** @type {Readonly<Record<import('./api-types.js').Urgency, WebKey>>} */
const URGENCY_LABEL = {
  NOC_ONLY: 'dashboard.dispatch.urgency.nocOnly',
  SAME_DAY: 'dashboard.dispatch.urgency.sameDay',
  NEXT_AVAILABLE: 'dashboard.dispatch.urgency.nextAvailable',
  NONE: 'dashboard.dispatch.urgency.none',
};

export function urgencyLabel(/** @type {import('./api-types.js').Urgency} */ urgency) {
  return URGENCY_LABEL[urgency] ? t(URGENCY_LABEL[urgency]) : codeWords(urgency);
}

/** @type {Readonly<Record<import('./api-types.js').Dispatch['skill'], WebKey>>} */
const SKILL_LABEL = {
  INSTALL_TECH: 'dashboard.dispatch.skill.installTech',
  LINE_TECH: 'dashboard.dispatch.skill.lineTech',
  NOC: 'dashboard.dispatch.skill.noc',
  NONE: 'dashboard.dispatch.skill.none',
};

export function skillLabel(/** @type {import('./api-types.js').Dispatch['skill']} */ skill) {
  return SKILL_LABEL[skill] ? t(SKILL_LABEL[skill]) : codeWords(skill);
}

/** @type {Readonly<Record<string, WebKey>>} */
const VISIT_WINDOW_LABEL = {
  BEFORE_CUTOFF: 'dashboard.dispatch.window.beforeCutoff',
  AFTER_CUTOFF: 'dashboard.dispatch.window.afterCutoff',
  NOT_A_WORKING_DAY: 'dashboard.dispatch.window.notAWorkingDay',
  NOT_URGENT: 'dashboard.dispatch.window.notUrgent',
  NO_VISIT: 'dashboard.dispatch.window.noVisit',
};

export function visitWindowLabel(/** @type {string} */ reason) {
  const key = VISIT_WINDOW_LABEL[reason];
  return key ? t(key) : codeWords(reason);
}

/** Words for a code this page has no label for: the code in lower case. */
export function codeWords(/** @type {string} */ code) {
  return code.toLowerCase().replaceAll('_', ' ');
}
