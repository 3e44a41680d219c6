import type { ModemEvent } from '../domain/modem-reading';

// Pure: a row of the modem's own event log (docsDevEventTable) -> a kind the agent understands. The ids and texts
// are those of CableLabs' CM-OSSI event numbering as modems log them; docs/docsis-reference.md §1.6 lists each with
// the public log it was seen in.

export const MODEM_EVENT_KINDS = [
  'T3_TIMEOUT',
  'T4_TIMEOUT',
  'RANGING_FAILED',
  'REREGISTRATION',
  'SYNC_LOSS',
  'DHCP_FAILURE',
  'TOD_FAILURE',
  'CONFIG_FILE_FAILURE',
  'REBOOT',
  'OTHER',
] as const;
export type ModemEventKind = (typeof MODEM_EVENT_KINDS)[number];

/** docsDevEvLevel (RFC 4639), most serious first: emergency(1) .. debug(8). */
export const EVENT_LEVELS = [
  'emergency',
  'alert',
  'critical',
  'error',
  'warning',
  'notice',
  'information',
  'debug',
] as const;
export type EventLevelName = (typeof EVENT_LEVELS)[number];

/**
 * Event ids seen in public modem logs. CM-OSSI numbers an event by its code: the ASCII of its letter, then its
 * number (R02.0, ranging, is 82000200; T05.0, timing, 84000500; D04.3, DHCP/ToD, 68000403). docsDevEvId is the
 * vendor's own id, so an id outside this table is classified by its text.
 */
const BY_EVENT_ID: Readonly<Record<number, ModemEventKind>> = {
  82000200: 'T3_TIMEOUT', // No Ranging Response received - T3 time-out
  82000500: 'T3_TIMEOUT', // Started Unicast Maintenance Ranging - No Response received - T3 time-out
  82000400: 'T4_TIMEOUT', // Received Response to Broadcast Maintenance Request, But no Unicast … - T4 time out
  82000600: 'RANGING_FAILED', // Unicast Maintenance Ranging attempted - No response - Retries exhausted
  82000800: 'RANGING_FAILED', // 16 consecutive T3 timeouts while trying to range on upstream channel …
  84000100: 'SYNC_LOSS', // SYNC Timing Synchronization failure - Failed to acquire QAM/QPSK symbol timing
  84000500: 'SYNC_LOSS', // SYNC Timing Synchronization failure - Loss of Sync
  68000403: 'TOD_FAILURE', // ToD request sent - No Response received
};

/**
 * Texts, in order: the first that matches names the kind. A reboot or a re-initialised MAC is named as such, its
 * cause (a T4 time-out, an aborted ranging, a failed DHCP renew) staying in the text.
 */
const BY_TEXT: readonly (readonly [RegExp, ModemEventKind])[] = [
  [/\breboot|cold start|resetting the cable modem/i, 'REBOOT'],
  [
    /(\btftp\b|config(uration)? file).*\b(fail\w*|error|not found|invalid|no response|retries)/i,
    'CONFIG_FILE_FAILURE',
  ],
  [/\b(fail\w*|error)\b.*(\btftp\b|config(uration)? file)/i, 'CONFIG_FILE_FAILURE'],
  [/re-?initiali[sz]\w*\s+(the\s+)?mac\b/i, 'REREGISTRATION'],
  [/\bdhcp\b.*\b(fail\w*|no response|no offer)/i, 'DHCP_FAILURE'],
  [/\b(tod|time of day)\b.*\b(no response|invalid|fail\w*)/i, 'TOD_FAILURE'],
  [/retries (exhausted|exceeded)|consecutive t3|ranging\b.*\babort|\babort\b.*\branging/i, 'RANGING_FAILED'],
  [/\bt4 time-?\s?out/i, 'T4_TIMEOUT'],
  [/\bt3 time-?\s?out/i, 'T3_TIMEOUT'],
  [/sync timing synchroni[sz]ation failure|loss of sync/i, 'SYNC_LOSS'],
];

/** The kind of one logged event: its id where the table knows it, else its text; OTHER when neither tells. */
export function classifyModemEvent(event: Pick<ModemEvent, 'eventId' | 'text'>): ModemEventKind {
  const byId = event.eventId == null ? undefined : BY_EVENT_ID[event.eventId];
  if (byId) {
    return byId;
  }
  const text = event.text ?? '';
  return BY_TEXT.find(([pattern]) => pattern.test(text))?.[1] ?? 'OTHER';
}

export function eventLevelName(level: number | null): EventLevelName | null {
  return level == null ? null : (EVENT_LEVELS[level - 1] ?? null);
}

/**
 * The event's text without the context CM-OSSI appends to it (";CM-MAC=…;CMTS-MAC=…;CM-QOS=…;CM-VER=…;"), which
 * names the modem the agent is already looking at.
 */
export function eventTextWithoutContext(text: string): string {
  const cut = text.search(/;+\s*CM-MAC=/i);
  return (cut < 0 ? text : text.slice(0, cut)).trim();
}
