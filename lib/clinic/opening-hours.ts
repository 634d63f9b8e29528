/**
 * A clinic's weekly opening hours (stored with the clinic, in its timezone): written out for a
 * patient, and whether the clinic is open at a given moment. Pure: no database, the clock is an
 * argument.
 */
import type { OpeningHours, OpeningPeriod, Weekday } from '@/db/schema';
import { weekdayAndTimeIn } from '@/lib/dates';

export type { OpeningHours, OpeningPeriod };

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  1: 'Monday',
  2: 'Tuesday',
  3: 'Wednesday',
  4: 'Thursday',
  5: 'Friday',
  6: 'Saturday',
  7: 'Sunday',
};
const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** "HH:MM", 24-hour. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

const periodsOn = (hours: OpeningHours, day: Weekday) =>
  hours.filter((p) => p.day === day).sort((a, b) => a.opens.localeCompare(b.opens));

/**
 * The week, one line per run of days with the same hours: "Monday to Friday: 08:00–18:00",
 * "Saturday: 09:00–12:00", "Sunday: closed". Empty when the clinic gave no hours.
 */
export function openingHoursLines(hours: OpeningHours): string[] {
  if (hours.length === 0) return [];
  const text = (day: Weekday) =>
    periodsOn(hours, day)
      .map((p) => `${p.opens}–${p.closes}`)
      .join(', ') || 'closed';
  const lines: string[] = [];
  let start = 0;
  for (let i = 1; i <= WEEKDAYS.length; i++) {
    const first = WEEKDAYS[start]!;
    if (i < WEEKDAYS.length && text(WEEKDAYS[i]!) === text(first)) continue;
    const last = WEEKDAYS[i - 1]!;
    const days = first === last ? WEEKDAY_NAMES[first] : `${WEEKDAY_NAMES[first]} to ${WEEKDAY_NAMES[last]}`;
    lines.push(`${days}: ${text(first)}`);
    start = i;
  }
  return lines;
}

export type OpenStatus =
  | { kind: 'unknown' }
  | { kind: 'open'; until: string }
  | { kind: 'closed'; opensDay: Weekday | null; opensAt: string | null; today: boolean };

/** Whether the clinic is open at `now` where it is, until when, or when it next opens. */
export function openStatus(hours: OpeningHours, timezone: string, now: Date = new Date()): OpenStatus {
  if (hours.length === 0) return { kind: 'unknown' };
  const { weekday, time } = weekdayAndTimeIn(timezone, now);
  const today = weekday as Weekday;
  const current = periodsOn(hours, today).find((p) => p.opens <= time && time < p.closes);
  if (current) return { kind: 'open', until: current.closes };
  const laterToday = periodsOn(hours, today).find((p) => p.opens > time);
  if (laterToday) return { kind: 'closed', opensDay: today, opensAt: laterToday.opens, today: true };
  for (let ahead = 1; ahead <= 7; ahead++) {
    const day = (((today - 1 + ahead) % 7) + 1) as Weekday;
    const first = periodsOn(hours, day)[0];
    if (first) return { kind: 'closed', opensDay: day, opensAt: first.opens, today: false };
  }
  return { kind: 'closed', opensDay: null, opensAt: null, today: false };
}

/** The status in words: "Open now, until 18:00." or "Closed now. Opens Monday at 08:00." */
export function openStatusText(status: OpenStatus): string | null {
  switch (status.kind) {
    case 'unknown':
      return null;
    case 'open':
      return `Open now, until ${status.until}.`;
    case 'closed':
      if (!status.opensDay || !status.opensAt) return 'Closed now.';
      return status.today
        ? `Closed now. Opens today at ${status.opensAt}.`
        : `Closed now. Opens ${WEEKDAY_NAMES[status.opensDay]} at ${status.opensAt}.`;
  }
}
