import { getISODay, parseISO } from 'date-fns';

/**
 * Prescribed sessions on a day = the sessions per day of the plan version in effect that day,
 * counted over the items prescribed on that weekday (the largest of them, because one session
 * means doing the day's exercises once), or 0 when none is. Adherence SQL uses the same rule.
 */
export function prescribedSessions(
  day: string,
  items: readonly { sessionsPerDay: number; daysOfWeek: readonly number[] }[],
): number {
  const weekday = getISODay(parseISO(day));
  return items.reduce((most, i) => (i.daysOfWeek.includes(weekday) ? Math.max(most, i.sessionsPerDay) : most), 0);
}
