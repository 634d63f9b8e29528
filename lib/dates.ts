import { addDays, addYears, format, parseISO } from 'date-fns';
import { formatInTimeZone, fromZonedTime, toDate } from 'date-fns-tz';

/*
 * Every date and time the app shows is written here, each for a timezone its caller names, so
 * the same instant reads the same on every page, whatever zone the server or the browser runs
 * in, and server and browser render the same text. Whose timezone:
 * - the patient's for everything about their care: session logs, alerts, plan dates, screenings,
 *   the last session, the day they were added, and their links (created, expires, last used:
 *   a link is the patient's way in, used from the patient's phone, and sits among their care);
 * - the clinic's for staff events: practitioners' sign-ins and accounts, export file dates.
 * No server-only imports: client components (the phone's among them) use it too.
 */

/** An instant: a Date, or an ISO 8601 string with its offset, as the server hands it to clients. */
export type Instant = Date | string;

/** An instant in UTC for a file name, sortable and free of colons: 20261202-143005. */
export function fileStamp(at: Date = new Date()): string {
  return formatInTimeZone(at, 'UTC', 'yyyyMMdd-HHmmss');
}

/** Today's calendar date (YYYY-MM-DD) where the patient is. */
export function todayIn(timezone: string, now: Date = new Date()): string {
  return dayIn(now, timezone);
}

/**
 * The calendar date (YYYY-MM-DD) an instant falls on in a timezone. One formatter per zone, as
 * zoneName below: formatInTimeZone parses its pattern and builds its parts on every call
 * (~25 µs), and the dashboard asks twice a row (docs/benchmarks.md, issue 18). The same answer
 * for every zone and instant (lib/dates.test.ts checks it against formatInTimeZone).
 */
export function dayIn(at: Instant, timezone: string): string {
  let dayFormat = dayFormats.get(timezone);
  if (!dayFormat) {
    dayFormat = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dayFormats.set(timezone, dayFormat);
  }
  let year = '';
  let month = '';
  let day = '';
  for (const part of dayFormat.formatToParts(instantOf(at))) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** An ISO 8601 string as a Date (date-fns-tz's parser for the forms Date itself does not read). */
function instantOf(at: Instant): Date {
  if (typeof at !== 'string') return at;
  const parsed = new Date(at);
  return Number.isNaN(parsed.getTime()) ? toDate(at) : parsed;
}

/** The instants a calendar day begins and ends where `timezone` is (ISO 8601; the end is the next day's start). */
export function dayBoundsIn(isoDate: string, timezone: string): { from: string; to: string } {
  const startOf = (day: string) => fromZonedTime(`${day}T00:00:00`, timezone).toISOString();
  return { from: startOf(isoDate), to: startOf(shiftDate(isoDate, 1)) };
}

/** The ISO weekday (1 = Monday) and the time of day ("HH:mm", 24-hour) of an instant where `timezone` is. */
export function weekdayAndTimeIn(timezone: string, now: Date = new Date()): { weekday: number; time: string } {
  const [weekday, time] = formatInTimeZone(now, timezone, 'i HH:mm').split(' ');
  return { weekday: Number(weekday), time: time ?? '00:00' };
}

/** Calendar arithmetic on YYYY-MM-DD strings, free of timezones. */
export function shiftDate(isoDate: string, days: number): string {
  return format(addDays(parseISO(isoDate), days), 'yyyy-MM-dd');
}

/** A YYYY-MM-DD date as whole days since 1970-01-01 (NaN when it is not one). */
function dayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return Number.NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]) - 1, Number(match[3])];
  const at = new Date(0);
  at.setUTCFullYear(year, month, day);
  // 2026-13-01 or 2026-02-30 would roll over into another day: not a date.
  if (at.getUTCMonth() !== month || at.getUTCDate() !== day) return Number.NaN;
  return Math.round(at.getTime() / 86_400_000);
}

/** The same day `years` calendar years later (earlier when negative); 29 Feb becomes 28 Feb. */
export function shiftYears(isoDate: string, years: number): string {
  return format(addYears(parseISO(isoDate), years), 'yyyy-MM-dd');
}

/** Calendar days from one YYYY-MM-DD to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const DAY_FORMATS = {
  full: 'EEE d MMM yyyy',
  long: 'EEEE d MMMM',
  letter: 'd MMMM yyyy',
  handout: 'EEE d MMM',
  short: 'MMM d',
  weekday: 'EEEEE',
  dayOfMonth: 'd',
  month: 'MMM',
} as const;

/** A calendar date (already a day in someone's timezone, such as a plan's start), written out. */
export function formatDay(isoDate: string, style: keyof typeof DAY_FORMATS = 'full'): string {
  return format(parseISO(isoDate), DAY_FORMATS[style]);
}

/**
 * The days a plan ran, e.g. "Tue 1 Dec 2026 – Fri 4 Dec 2026"; "Tue 1 Dec 2026 (one day)" when it
 * ended the day it started; "Tue 1 Dec 2026 – …" while it has no end.
 */
export function formatDayRange(from: string, to: string | null): string {
  if (to === null) return `${formatDay(from)} – …`;
  if (to === from) return `${formatDay(from)} (one day)`;
  return `${formatDay(from)} – ${formatDay(to)}`;
}

/** The date of an instant where `timezone` is, e.g. "Mar 3, 2026". */
export function formatDate(at: Instant, timezone: string): string {
  return formatInTimeZone(at, timezone, 'MMM d, yyyy');
}

/** Date and time of an instant with the zone's name, e.g. "Mar 3, 2026, 11:50 PM GMT+1": the reader may be elsewhere. */
export function formatDateTime(at: Instant, timezone: string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return `${formatInTimeZone(instant, timezone, 'MMM d, yyyy, h:mm a')} ${zoneName(instant, timezone)}`;
}

const zoneNameFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's short name at an instant ("MST", "GMT+1"), as date-fns-tz's `zzz` writes it, with
 * one formatter per zone: `zzz` builds a new Intl.DateTimeFormat on every call (~100 µs), which
 * was a tenth of the practitioner's patient page's server time (docs/benchmarks.md, issue 18).
 */
function zoneName(at: Date, timezone: string): string {
  let zoneFormat = zoneNameFormats.get(timezone);
  if (!zoneFormat) {
    zoneFormat = new Intl.DateTimeFormat(undefined, { timeZone: timezone, timeZoneName: 'short' });
    zoneNameFormats.set(timezone, zoneFormat);
  }
  return zoneFormat.formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/**
 * Calendar days from the day `at` fell on to today, both where `timezone` is: a session at
 * 23:50 is "yesterday" ten minutes later. Null without an instant.
 */
export function daysSince(at: Instant | null, timezone: string, now: Date = new Date()): number | null {
  if (at === null) return null;
  return daysBetween(dayIn(at, timezone), todayIn(timezone, now));
}

/** The last session as every page words it, from daysSince. */
export function lastSessionInWords(daysAgo: number | null): string {
  if (daysAgo === null) return 'No sessions yet';
  // A phone a few minutes fast can log a session on what is still tomorrow here.
  if (daysAgo <= 0) return 'Today';
  return daysAgo === 1 ? 'Yesterday' : `${daysAgo} days ago`;
}

/** Whether the runtime knows `timezone` by this name (current or retired spelling). */
export function isTimeZone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
