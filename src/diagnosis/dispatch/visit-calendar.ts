import type { DispatchPolicy, VisitWindow, Urgency } from '../../domain/dispatch';

/** A wall-clock instant in the operator's time zone. */
export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** ISO weekday, 1 Monday .. 7 Sunday. */
  weekday: number;
  /** Minutes since local midnight. */
  minutes: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** The local date, weekday and time of `at` in `timeZone` (the time zone database decides DST, not an offset). */
export function localTime(at: number, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return { date, weekday: isoWeekday(date), minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Whether `timeZone` is one the runtime's time zone database knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** "HH:MM" (00:00 .. 23:59) as minutes since midnight, or null when it is not one. */
export function parseClock(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function isWorkingDay(date: string, policy: DispatchPolicy): boolean {
  return policy.workingDays.includes(isoWeekday(date)) && !policy.holidays.includes(date);
}

/** The first working day after `date` (a year ahead at most: a policy without working days has none). */
function nextWorkingDay(date: string, policy: DispatchPolicy): string | null {
  let d = date;
  for (let i = 0; i < 366; i++) {
    d = nextDate(d);
    if (isWorkingDay(d, policy)) {
      return d;
    }
  }
  return null;
}

/**
 * When a visit of this urgency can happen, seen from `now`: today when it is a SAME_DAY fault, today is a working day
 * and the local time is before the cut-off; otherwise the next working day.
 */
export function visitWindow(urgency: Urgency, now: number, policy: DispatchPolicy): VisitWindow {
  const base = { timeZone: policy.timeZone, sameDayCutoff: policy.sameDayCutoff };
  if (urgency === 'NONE' || urgency === 'NOC_ONLY') {
    return { ...base, earliestDate: null, reason: 'NO_VISIT' };
  }
  const local = localTime(now, policy.timeZone);
  const cutoff = parseClock(policy.sameDayCutoff) ?? 0;
  const nextDay = nextWorkingDay(local.date, policy);
  if (!isWorkingDay(local.date, policy)) {
    return { ...base, earliestDate: nextDay, reason: 'NOT_A_WORKING_DAY' };
  }
  if (local.minutes >= cutoff) {
    return { ...base, earliestDate: nextDay, reason: 'AFTER_CUTOFF' };
  }
  if (urgency !== 'SAME_DAY') {
    return { ...base, earliestDate: nextDay, reason: 'NOT_URGENT' };
  }
  return { ...base, earliestDate: local.date, reason: 'BEFORE_CUTOFF' };
}
