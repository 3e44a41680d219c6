import type { CounterSnapshot } from '../../domain/diagnosis';
import type { StoredReading } from '../../readings/reading.store';
import {
  arrayOf,
  big,
  type Codec,
  eitherOf,
  f,
  type Field,
  int,
  num,
  oneOf,
  record,
  type RecordCodec,
  str,
  tableOf,
  textOf,
} from './schema';
import { DIAGNOSIS_WORDS_V1 } from './diagnosis-words-v1';
import { Misfit } from './wire';

// Format 1 of the stored reading (latest:<id>) and of the codeword snapshot (cw:<id> members). Every list below is
// frozen with the format: a value the domain adds later is appended here (a test holds the domain's lists to these),
// and until then it is written as its text after a 0, so it still round-trips.

export const VERDICTS_V1 = [
  'TEXTBOOK_OK',
  'MARGINAL',
  'LINE_FAULT',
  'FLAPPING',
  'MODEM_OFFLINE',
  'PLANT_OUTAGE',
  'PROVISIONING_ISSUE',
  'INSUFFICIENT_DATA',
] as const;

export const SUB_KINDS_V1 = [
  'LOW_DS_POWER',
  'HIGH_DS_POWER',
  'LOW_DS_SNR',
  'DS_TILT',
  'HIGH_US_POWER',
  'LOW_US_POWER',
  'OFDMA_TX_POWER',
  'EXCESSIVE_UNCORRECTABLES',
  'HIGH_CORRECTED',
  'T3_T4_TIMEOUTS',
  'PARTIAL_SERVICE_DS',
  'PARTIAL_SERVICE_US',
  'OFDM_LOW_MER',
  'OFDM_POWER',
  'US_RX_OFFSET',
  'LOW_US_SNR',
  'REGISTRATION_RF_FAILURE',
  'SERVICE_GROUP_OUTAGE',
  'CM_SNMP_UNREACHABLE_BUT_ONLINE',
  'NODE_WIDE',
  'RF_REINIT',
  'DEVICE_REBOOTS',
  'NO_POWER_OR_DISCONNECTED',
  'ACCESS_DENIED',
  'FORWARDING_DISABLED',
  'NO_CPE_DETECTED',
  'FEC_WINDOW_RESET',
  'NO_RESPONSE',
  'REGISTRATION_IN_PROGRESS',
  'NEIGHBOURS_UNKNOWN',
  'SILENCE_BURST',
  'CMTS_NO_EVIDENCE',
  'US_MICRO_REFLECTION',
  'US_GROUP_DELAY',
  'OFDM_MER_SPREAD',
  'DS_MICRO_REFLECTION',
  'DS_GROUP_DELAY',
  'OFDMA_PRE_EQ_NOT_APPLIED',
] as const;

export const ACTIONS_V1 = [
  'CHECK_CUSTOMER_EQUIPMENT',
  'REMOTE_FIX',
  'DISPATCH_TECHNICIAN',
  'ESCALATE_TO_NOC',
  'CHECK_POWER_AND_CABLING',
  'SWAP_MODEM',
  'BACK_OFFICE',
  'NO_DISPATCH',
] as const;

export const NOT_CHECKED_CODES_V1 = [
  'REGISTRATION_STATE',
  'T3_T4_TIMEOUTS',
  'RF_REINIT',
  'CODEWORDS',
  'CPE_PRESENCE',
  'PRE_EQUALISATION',
  // The seventh value fills the code's 3 header bits (all ones is the escape): an eighth would widen the field and
  // misread every value stored before it, so it needs a new format (or goes as text, unlisted).
  'PNM_SUMMARIES',
] as const;

export const SEVERITIES_V1 = ['FAULT', 'MARGINAL', 'INFO'] as const;
/** The PNM findings' 'ns' and 'dB/MHz' go as text after the escape: two more values would widen the field. */
export const UNITS_V1 = ['dBmV', 'dB', '%', 'count', 'count/24h', 'state'] as const;
export const DIRECTIONS_V1 = ['downstream', 'upstream'] as const;
export const CHANNEL_KINDS_V1 = ['SC-QAM', 'OFDM', 'OFDMA'] as const;
export const MODULATIONS_V1 = ['qam64', 'qam256', 'other'] as const;
export const RANGING_V1 = [
  'other',
  'aborted',
  'retriesExceeded',
  'success',
  'continue',
  'timeoutT4',
] as const;
export const DOCSIS_VERSIONS_V1 = ['1.x', '2.0', '3.0', '3.1', 'unknown'] as const;
export const VERSION_SOURCES_V1 = [
  'docsIf31CmDocsisBaseCapability',
  'docsIfDocsisBaseCapability',
  'inferred',
] as const;
export const BRIDGE_TABLE_V1 = ['withStatus', 'withoutStatus', 'absent'] as const;
export const CPE_SOURCES_V1 = ['manual', 'learned', 'other'] as const;
/** docsIf3CmStatusValue names (1..23), and the name of a status not read. */
export const CM_STATUS_NAMES_V1 = [
  'other',
  'notReady',
  'notSynchronized',
  'phySynchronized',
  'usParametersAcquired',
  'rangingComplete',
  'dhcpv4Complete',
  'todEstablished',
  'securityEstablished',
  'configFileDownloadComplete',
  'registrationComplete',
  'operational',
  'accessDenied',
  'eaeInProgress',
  'dhcpv4InProgress',
  'dhcpv6InProgress',
  'dhcpv6Complete',
  'registrationInProgress',
  'bpiInit',
  'forwardingDisabled',
  'dsTopologyResolutionInProgress',
  'rangingInProgress',
  'rfMuteAll',
  'not read',
] as const;

const HEX = /^(?:[0-9a-f]{2})*$/;

/** Lower-case hex of whole octets as the octets (half the bytes); any other text after a 0. */
const hexOctets: Codec<string> = {
  write: (w, v) => {
    if (typeof v !== 'string') {
      throw new Misfit('string expected');
    }
    if (!HEX.test(v)) {
      w.byte(0);
      w.string(v);
      return;
    }
    const n = v.length / 2;
    if (n >= 4 && n % 2 === 0) {
      // DocsEqualizerData: its 4-byte header, then 16-bit words that are mostly small (every tap but the main
      // one), each as a signed varint: a clean line's 100 octets in about 55 bytes.
      w.byte(2);
      w.uvarint(n);
      w.ensure(4);
      w.pos += w.buf.write(v.slice(0, 8), w.pos, 'hex');
      for (let i = 8; i < v.length; i += 4) {
        const word = parseInt(v.slice(i, i + 4), 16);
        w.svarint(word >= 0x8000 ? word - 0x10000 : word);
      }
      return;
    }
    w.byte(1);
    w.uvarint(n);
    w.ensure(n);
    w.pos += w.buf.write(v, w.pos, 'hex');
  },
  read: (r) => {
    const kind = r.byte();
    if (kind === 0) {
      return r.string();
    }
    if (kind === 2) {
      const n = r.uvarint();
      if (r.pos + 4 > r.buf.length) {
        throw new RangeError('compact value ends early');
      }
      let text = r.buf.toString('hex', r.pos, r.pos + 4);
      r.pos += 4;
      for (let i = 4; i < n; i += 2) {
        const word = r.svarint();
        if (word < -0x8000 || word > 0x7fff) {
          throw new RangeError('equaliser word out of range');
        }
        text += (word < 0 ? word + 0x10000 : word).toString(16).padStart(4, '0');
      }
      return text;
    }
    const n = r.uvarint();
    if (r.pos + n > r.buf.length) {
      throw new RangeError('compact value ends early');
    }
    const text = r.buf.toString('hex', r.pos, r.pos + n);
    r.pos += n;
    return text;
  },
};

/**
 * A plain JSON value (objects, arrays, strings, finite numbers, booleans, null) as its JSON text. Anything JSON would
 * change (undefined members, bigints, non-finite numbers, class instances) does not fit, so a round trip is exact.
 */
const jsonText: Codec<unknown> = {
  write: (w, v) => {
    if (!isPlainJson(v)) {
      throw new Misfit('plain JSON value expected');
    }
    w.string(JSON.stringify(v));
  },
  read: (r) => JSON.parse(r.string()) as unknown,
};

function isPlainJson(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') {
    return true;
  }
  if (typeof v === 'number') {
    return Number.isFinite(v) && !Object.is(v, -0);
  }
  if (Array.isArray(v)) {
    return v.every(isPlainJson);
  }
  // A plain object of any realm (structuredClone's copies come from Node's own): its prototype has none above it.
  const proto: unknown = typeof v === 'object' ? Object.getPrototypeOf(v) : undefined;
  if (proto === null || (proto !== undefined && Object.getPrototypeOf(proto) === null)) {
    return Object.values(v as object).every(isPlainJson);
  }
  return false;
}

const MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;

/** A lower-case colon MAC in 6 bytes; any other text after a 0. */
const mac: Codec<string> = {
  write: (w, v) => {
    if (typeof v !== 'string') {
      throw new Misfit('string expected');
    }
    if (!MAC.test(v)) {
      w.byte(0);
      w.string(v);
      return;
    }
    w.ensure(7);
    w.buf[w.pos++] = 1;
    for (let i = 0; i < 6; i++) {
      w.buf[w.pos++] = parseInt(v.slice(i * 3, i * 3 + 2), 16);
    }
  },
  read: (r) => {
    if (r.byte() === 0) {
      return r.string();
    }
    const parts = new Array<string>(6);
    for (let i = 0; i < 6; i++) {
      parts[i] = r.byte().toString(16).padStart(2, '0');
    }
    return parts.join(':');
  },
};

/** A dotted-quad IPv4 address in 4 bytes; any other text (IPv6, odd spellings) after a 0. */
const ip: Codec<string> = {
  write: (w, v) => {
    if (typeof v !== 'string') {
      throw new Misfit('string expected');
    }
    const parts = v.split('.');
    const bytes = parts.map(Number);
    if (parts.length !== 4 || bytes.some((b, i) => !(b >= 0 && b <= 255) || String(b) !== parts[i])) {
      w.byte(0);
      w.string(v);
      return;
    }
    w.byte(1);
    for (const b of bytes) {
      w.byte(b);
    }
  },
  read: (r) => {
    if (r.byte() === 0) {
      return r.string();
    }
    return `${r.byte()}.${r.byte()}.${r.byte()}.${r.byte()}`;
  },
};

const downstream = record([
  f.deltaInt('ifIndex'),
  f.deltaInt('channelId'),
  f.deltaInt('frequencyHz'),
  f.small('modulation', MODULATIONS_V1),
  f.bool('locked'),
  f.deltaFixed('powerDbmv', 10),
  f.deltaFixed('snrDb', 10),
  f.nullable(f.deltaBig('unerrored')),
  f.nullable(f.value('corrected', big)),
  f.nullable(f.value('uncorrectable', big)),
  f.optional(f.value('counterBits', int)),
]);

const UPSTREAM_V1 = [
  f.deltaInt('ifIndex'),
  f.nullable(f.value('channelId', int)),
  f.deltaInt('frequencyHz'),
  f.deltaFixed('txPowerDbmv', 10),
  f.nullable(f.fixed('t3Timeouts', 1)),
  f.nullable(f.fixed('t4Timeouts', 1)),
  f.nullable(f.fixed('t3Exceededs', 1)),
  f.bool('muted'),
  f.small('rangingStatus', RANGING_V1),
];

const OFDM_V1 = [
  f.deltaInt('ifIndex'),
  f.fixed('channelId', 1),
  f.value('plcFrequencyHz', num),
  f.value(
    'bandPowersDbmv',
    tableOf(record([f.deltaInt('band'), f.deltaInt('frequencyHz'), f.deltaFixed('powerDbmv', 10)])),
  ),
  f.nullable(f.fixed('meanRxMerDb', 100)),
  f.value(
    'profiles',
    tableOf(
      record([
        f.deltaInt('profileId'),
        f.deltaBig('total'),
        f.deltaBig('corrected'),
        f.deltaBig('uncorrectable'),
      ]),
    ),
  ),
];

// OFDMA target power is quarter dBmV (2017 MIB) or tenths (2016 MIB): both are whole twentieths.
const OFDMA_V1 = [
  f.deltaInt('ifIndex'),
  f.fixed('channelId', 1),
  f.deltaFixed('txPowerDbmv', 20),
  f.nullable(f.fixed('t3Timeouts', 1)),
  f.nullable(f.fixed('t4Timeouts', 1)),
  f.nullable(f.fixed('t3Exceededs', 1)),
  f.bool('muted'),
  f.small('rangingStatus', RANGING_V1),
];

/** The reachable reading's fields around its channel tables, which format 2 extends. */
const reachableFields = (
  upstream: RecordCodec<object>,
  ofdm: RecordCodec<object>,
  ofdma: RecordCodec<object>,
): Field[] => [
  f.constant('reachable', true),
  f.value('modemId', str),
  f.value('observedAt', int),
  f.fixed('latencyMs', 100),
  f.value('sysDescr', str),
  f.fixed('uptimeSec', 100),
  f.small('docsisVersion', DOCSIS_VERSIONS_V1),
  f.optional(f.small('docsisVersionSource', VERSION_SOURCES_V1)),
  f.value(
    'status',
    record([
      f.nullable(f.fixed('value', 1)),
      f.value('name', oneOf(CM_STATUS_NAMES_V1)),
      f.nullable(f.fixed('resets', 1)),
      f.nullable(f.fixed('lostSyncs', 1)),
    ]),
  ),
  f.value('downstream', tableOf(downstream)),
  f.value('upstream', tableOf(upstream)),
  f.value('ofdm', tableOf(ofdm)),
  f.value('ofdma', tableOf(ofdma)),
  f.value('cpes', arrayOf(record([f.value('ip', ip), f.small('source', CPE_SOURCES_V1)]))),
  f.nullable(f.value('cpeMacs', arrayOf(mac))),
  f.optional(f.small('bridgeTable', BRIDGE_TABLE_V1)),
];

const reachable = record(reachableFields(record(UPSTREAM_V1), record(OFDM_V1), record(OFDMA_V1)));

const unreachable = record([
  f.constant('reachable', false),
  f.value('modemId', str),
  f.value('observedAt', int),
  f.fixed('latencyMs', 100),
  f.value('error', str),
]);

const channelRef = record([
  f.small('direction', DIRECTIONS_V1),
  f.small('kind', CHANNEL_KINDS_V1),
  f.value('ifIndex', num),
  f.nullable(f.value('channelId', num)),
  f.value('frequencyHz', num),
]);

const diagnosisText = textOf(DIAGNOSIS_WORDS_V1);

const finding = record([
  f.value('code', oneOf(SUB_KINDS_V1)),
  f.small('severity', SEVERITIES_V1),
  f.optional(f.value('channel', channelRef)),
  f.value('observed', num),
  f.value('limit', num),
  f.small('unit', UNITS_V1),
  f.text('message', diagnosisText, true),
]);

const DIAGNOSIS_V1 = [
  f.value('verdict', oneOf(VERDICTS_V1)),
  f.value('subKinds', arrayOf(oneOf(SUB_KINDS_V1))),
  f.value('action', oneOf(ACTIONS_V1)),
  f.text('summary', diagnosisText),
  f.value('findings', tableOf(finding)),
  f.optional(
    f.value(
      'notChecked',
      tableOf(record([f.small('code', NOT_CHECKED_CODES_V1), f.text('reason', diagnosisText, true)])),
    ),
  ),
];

export const storedReadingV1 = record<StoredReading>([
  f.value('reading', eitherOf('reachable', reachable, unreachable)),
  f.value('diagnosis', record(DIAGNOSIS_V1)),
  f.value('thresholdsProfile', str),
]);

// Format 2 (2026-12-03) is format 1 with fields appended: each upstream channel's width and pre-equalisation
// coefficients (as octets), DOCSIS 3.1 PNM summaries on OFDM and OFDMA channels, and the diagnosis's fault location.
// The summaries and the location are small, rare and still growing: they are kept as JSON text.

const preEqSummary = record([
  f.value('ifIndex', int),
  f.nullable(f.value('channelId', int)),
  f.value('mtrDb', num),
  f.small('grade', ['TEXTBOOK', 'MARGINAL', 'FAULT']),
  f.small('distortion', [
    'NONE',
    'GROUP_DELAY',
    'MICRO_REFLECTION',
    'GROUP_DELAY_AND_MICRO_REFLECTION',
    'UNCLASSIFIED',
  ]),
  f.nullable(
    f.value(
      'echo',
      record([f.value('delayTaps', num), f.value('levelDbc', num), f.nullable(f.value('distanceM', num))]),
    ),
  ),
  f.bool('shortEcho'),
]);

const reachableV2Fields = reachableFields(
  record([
    ...UPSTREAM_V1,
    f.optional(f.nullable(f.value('widthHz', int))),
    f.optional(f.nullable(f.value('preEq', hexOctets))),
  ]),
  record([...OFDM_V1, f.optional(f.value('pnm', jsonText))]),
  record([...OFDMA_V1, f.optional(f.value('pnm', jsonText))]),
);

const DIAGNOSIS_V2 = [
  ...DIAGNOSIS_V1,
  f.optional(f.nullable(f.value('preEq', preEqSummary))),
  f.optional(f.value('location', jsonText)),
];

export const storedReadingV2 = record<StoredReading>([
  f.value('reading', eitherOf('reachable', record(reachableV2Fields), unreachable)),
  f.value('diagnosis', record(DIAGNOSIS_V2)),
  f.value('thresholdsProfile', str),
]);

// Format 3 (2026-12-04) is format 2 with what a full poll (a call-centre check) adds: that it was one, and the
// modem's event log. A full poll is rare next to the sweeps' fast ones, so the log is kept as JSON text.
export const POLL_DETAILS_V3 = ['fast', 'full'] as const;

const readingV3 = f.value(
  'reading',
  eitherOf(
    'reachable',
    record([
      ...reachableV2Fields,
      f.optional(f.small('detail', POLL_DETAILS_V3)),
      f.optional(f.nullable(f.value('events', jsonText))),
    ]),
    unreachable,
  ),
);

export const storedReadingV3 = record<StoredReading>([
  readingV3,
  f.value('diagnosis', record(DIAGNOSIS_V2)),
  f.value('thresholdsProfile', str),
]);

export const counterSnapshotV1 = record<CounterSnapshot>([
  f.value('at', int),
  f.fixed('uptimeSec', 100),
  f.value(
    'ds',
    tableOf(
      record([
        f.deltaInt('ifIndex'),
        f.deltaBig('unerrored'),
        f.value('corrected', big),
        f.value('uncorrectable', big),
      ]),
    ),
  ),
  f.value(
    'ofdm',
    tableOf(
      record([
        f.deltaInt('ifIndex'),
        f.deltaInt('profileId'),
        f.deltaBig('total'),
        f.deltaBig('corrected'),
        f.deltaBig('uncorrectable'),
      ]),
    ),
  ),
]);

// Format 4 (2026-12-04) is format 3 with the counts of the modem's node the diagnosis rested on (the agent's outage
// banner and "only this home" say them in the caller's language at answer time).
const DIAGNOSIS_V4 = [
  ...DIAGNOSIS_V2,
  f.optional(
    f.value(
      'neighbours',
      record([
        f.value('cmtsId', str),
        f.value('node', str),
        f.small('groupedBy', ['serviceGroup', 'upstreamChannels']),
        f.value('others', int),
        f.value('othersOffline', int),
        f.value('observedAt', int),
      ]),
    ),
  ),
];

export const storedReadingV4 = record<StoredReading>([
  readingV3,
  f.value('diagnosis', record(DIAGNOSIS_V4)),
  f.value('thresholdsProfile', str),
]);
