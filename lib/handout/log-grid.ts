import { prescribedSessions } from '@/lib/adherence/prescription';
import { formatDay, shiftDate } from '@/lib/dates';

/** How many days the paper log covers. */
export const LOG_GRID_DAYS = 14;

export type LogGridDay = { day: string; label: string; sessions: number };

/**
 * The paper log's rows, from `from` for two weeks: one tick box per prescribed session, by the
 * same rule as adherence (the most sessions per day of the exercises due that weekday), 0 on a
 * rest day.
 */
export function logGrid(
  from: string,
  items: readonly { sessionsPerDay: number; daysOfWeek: readonly number[] }[],
): LogGridDay[] {
  return Array.from({ length: LOG_GRID_DAYS }, (_, i) => {
    const day = shiftDate(from, i);
    return { day, label: formatDay(day, 'handout'), sessions: prescribedSessions(day, items) };
  });
}
