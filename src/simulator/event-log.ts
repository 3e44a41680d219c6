import { encodeDateAndTime } from '../mib/date-and-time';
import type { ModemProfile } from './modem-profile';
import type { SimModem } from './sim-modem';

// A simulated modem's event log (DOCS-CABLE-DEVICE-MIB docsDevEventTable): which rows it holds follows from its
// profile (the scenario's T3/T4 rates, RF re-initialisations, quirks); their counts and times from its boot time and
// the simulator clock, the same way its counters are. Texts, ids and levels are those of public modem logs
// (docs/docsis-reference.md §1.6); events whose id was not found there get a vendor-private id, as vendors use, and
// "TOD established" (a clean start's time of day) is the simulator's own wording, after CmRegState todEstablished(8).

const DAY_SEC = 86_400;
/** Seconds after boot at which the modem logs its start, and asks for (or gets) the time of day. */
const BOOT_LOGGED_SEC = 2;
const TOD_SEC = 30;
/** A modem without a ToD server asks again this often (the public log: 62 tries in about two hours). */
const TOD_RETRY_SEC = 120;

const LEVEL = { critical: 3, error: 4, notice: 6 } as const;

/** Vendor-private ids (docsDevEvId is the vendor's): for events whose CM-OSSI id was not found in a public log. */
const VENDOR_ID = { reboot: 2_436_690_001, todEstablished: 2_436_690_002, reinit: 2_436_690_003 } as const;

/** How a row's value follows from the modem and its uptime (seconds) when a request reads it. */
type RowValue = (m: SimModem, up: number) => number;

/** One row as its getters compute it at request time. */
export interface SimLogRow {
  eventId: number;
  level: number;
  text: string;
  count: RowValue;
  /** Seconds after boot of the first and the last occurrence. */
  firstSec: RowValue;
  lastSec: RowValue;
  /** Logged before the modem had the time of day: its times are 1970-01-01 plus the time since boot. */
  beforeTimeOfDay: boolean;
  /** The text ends in the context CM-OSSI appends (";CM-MAC=…;CMTS-MAC=…;"): all but the boot line do. */
  withContext: boolean;
}

/** Occurrences at a steady rate since boot: the counter's own count (at least the one that made the row). */
function steady(perDay: number): Pick<SimLogRow, 'count' | 'firstSec' | 'lastSec'> {
  const interval = DAY_SEC / perDay;
  const count = (up: number): number => Math.max(1, Math.floor(up / interval));
  return {
    count: (_m, up) => count(up),
    firstSec: (_m, up) => Math.min(up, interval),
    lastSec: (_m, up) => Math.min(up, count(up) * interval),
  };
}

function once(atSec: number): Pick<SimLogRow, 'count' | 'firstSec' | 'lastSec'> {
  return {
    count: () => 1,
    firstSec: (_m, up) => Math.min(up, atSec),
    lastSec: (_m, up) => Math.min(up, atSec),
  };
}

/** Tries at the ToD server since boot: the first at TOD_SEC, then one every TOD_RETRY_SEC. */
const todTries = (up: number): number => 1 + Math.floor(Math.max(0, up - TOD_SEC) / TOD_RETRY_SEC);

/** The last RF re-initialisation: where the CMTS saw the modem register again, else just now. */
function lastReinitSec(m: SimModem, up: number): number {
  const at = m.reregisteredAtMs();
  return at == null ? up : Math.min(up, Math.max(0, (at - m.bootedAt()) / 1000));
}

/**
 * The rows of a modem's log in docsDevEvIndex order (the order they were first logged), or none for the
 * NO_EVENT_LOG quirk.
 */
export function simulatedLogRows(p: ModemProfile): SimLogRow[] {
  if (p.quirks.includes('NO_EVENT_LOG')) {
    return [];
  }
  const noTimeOfDay = p.quirks.includes('NO_TIME_OF_DAY');
  const rows: (Omit<SimLogRow, 'beforeTimeOfDay' | 'withContext'> & {
    order: number;
    beforeToD?: boolean;
  })[] = [
    {
      order: BOOT_LOGGED_SEC,
      eventId: VENDOR_ID.reboot,
      level: LEVEL.notice,
      text: 'Cable Modem Reboot due to power reset',
      beforeToD: true,
      ...once(BOOT_LOGGED_SEC),
    },
    noTimeOfDay
      ? {
          order: TOD_SEC,
          eventId: 68_000_403,
          level: LEVEL.error,
          text: 'ToD request sent - No Response received',
          count: (_m, up) => todTries(up),
          firstSec: (_m, up) => Math.min(up, TOD_SEC),
          lastSec: (_m, up) => Math.min(up, TOD_SEC + (todTries(up) - 1) * TOD_RETRY_SEC),
        }
      : {
          order: TOD_SEC,
          eventId: VENDOR_ID.todEstablished,
          level: LEVEL.notice,
          text: 'TOD established',
          ...once(TOD_SEC),
        },
  ];
  const t3PerDay = p.us.reduce((s, ch) => s + ch.t3PerDay, 0);
  if (t3PerDay > 0) {
    rows.push({
      order: DAY_SEC / t3PerDay,
      eventId: 82_000_200,
      level: LEVEL.critical,
      text: 'No Ranging Response received - T3 time-out',
      ...steady(t3PerDay),
    });
  }
  const t4PerDay = p.us.reduce((s, ch) => s + ch.t4PerDay, 0);
  if (t4PerDay > 0) {
    rows.push({
      order: DAY_SEC / t4PerDay,
      eventId: 82_000_400,
      level: LEVEL.critical,
      text:
        'Received Response to Broadcast Maintenance Request, But no Unicast Maintenance opportunities received - ' +
        'T4 time out',
      ...steady(t4PerDay),
    });
  }
  if (p.resetsSinceBoot > 0) {
    const resets = p.resetsSinceBoot;
    rows.push({
      order: Number.MAX_SAFE_INTEGER,
      eventId: VENDOR_ID.reinit,
      level: LEVEL.critical,
      text: 'Unicast Ranging Received Abort Response - Re-initializing MAC',
      count: () => resets,
      // Spread evenly from boot to the last one.
      firstSec: (m, up) => lastReinitSec(m, up) / resets,
      lastSec: lastReinitSec,
    });
  }
  return rows
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, beforeToD, ...row }) => ({
      ...row,
      beforeTimeOfDay: noTimeOfDay || beforeToD === true,
      withContext: beforeToD !== true,
    }));
}

/** A logged time as the modem reports it: wall time, or 1970-01-01 plus the time since boot without a clock. */
export function loggedTime(m: SimModem, row: SimLogRow, secAfterBoot: number): Buffer {
  const octets = m.profile.docsis === '2.0' ? 8 : 11;
  const at = row.beforeTimeOfDay ? secAfterBoot * 1000 : m.bootedAt() + secAfterBoot * 1000;
  return encodeDateAndTime(at, octets);
}
