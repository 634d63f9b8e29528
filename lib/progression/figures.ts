import { differenceInCalendarDays, parseISO } from 'date-fns';
import { shiftDate } from '@/lib/dates';
import type { ProgressionThresholds } from './thresholds';
import type { DayPoint } from './types';

/** Sums over a run of days. */
export type WindowFigures = {
  from: string;
  to: string;
  prescribed: number;
  completed: number;
  /** Σ completed ÷ Σ prescribed; null when nothing was prescribed. */
  adherence: number | null;
  /** Days with something prescribed, and those on which all of it was done. */
  prescribedDays: number;
  doneDays: number;
  /** Every prescribed day asked for one session, so days and sessions are the same count. */
  oneSessionADay: boolean;
  /** Average of pain after, weighted by sessions logged; null when none was scored. */
  painAfter: number | null;
  redFlagDays: string[];
};

export type ProgressionFigures = {
  daysSinceChange: number;
  loggedDaysSinceChange: number;
  /** The last `windowDays`, never before the change: the figures describe the current dose. */
  recent: WindowFigures;
  /** The `windowDays` before `recent`, across the change on purpose: a rise after a step up shows there. */
  earlier: WindowFigures;
  /** recent − earlier pain after, when both were scored. */
  painRise: number | null;
  /** The last `simplifyWindowDays`, never before the change. */
  longer: WindowFigures;
};

// Two decimals, as the stored figures keep them, so 5.33 − 3.33 is a rise of 2 and not 1.9999.
const round2 = (n: number) => Math.round(n * 100) / 100;

function windowFigures(days: DayPoint[], from: string, to: string): WindowFigures {
  let prescribed = 0;
  let completed = 0;
  let prescribedDays = 0;
  let doneDays = 0;
  let painSum = 0;
  let painWeight = 0;
  const redFlagDays: string[] = [];
  for (const d of days) {
    if (d.day < from || d.day > to) continue;
    const asked = Math.max(0, d.prescribed);
    const done = Math.min(Math.max(0, d.completed), asked);
    prescribed += asked;
    completed += done;
    if (asked > 0) prescribedDays += 1;
    if (asked > 0 && done >= asked) doneDays += 1;
    if (d.painAfter !== null) {
      const weight = Math.max(1, d.logged);
      painSum += d.painAfter * weight;
      painWeight += weight;
    }
    if (d.redFlag) redFlagDays.push(d.day);
  }
  return {
    from,
    to,
    prescribed,
    completed,
    adherence: prescribed > 0 ? completed / prescribed : null,
    prescribedDays,
    doneDays,
    oneSessionADay: prescribed === prescribedDays,
    painAfter: painWeight > 0 ? round2(painSum / painWeight) : null,
    redFlagDays: redFlagDays.sort(),
  };
}

const later = (a: string, b: string) => (a > b ? a : b);

/** The figures the rules read, from the daily points; a plain function of its inputs. */
export function progressionFigures(
  days: DayPoint[],
  effectiveDate: string,
  today: string,
  t: Pick<ProgressionThresholds, 'windowDays' | 'simplifyWindowDays'>,
): ProgressionFigures {
  const sinceChange = days.filter((d) => d.day >= effectiveDate && d.day <= today);
  const recentFrom = later(effectiveDate, shiftDate(today, -(t.windowDays - 1)));
  const recent = windowFigures(days, recentFrom, today);
  const earlier = windowFigures(days, shiftDate(recentFrom, -t.windowDays), shiftDate(recentFrom, -1));
  const longer = windowFigures(days, later(effectiveDate, shiftDate(today, -(t.simplifyWindowDays - 1))), today);
  return {
    daysSinceChange: differenceInCalendarDays(parseISO(today), parseISO(effectiveDate)),
    loggedDaysSinceChange: new Set(sinceChange.filter((d) => d.logged > 0).map((d) => d.day)).size,
    recent,
    earlier,
    painRise:
      recent.painAfter !== null && earlier.painAfter !== null ? round2(recent.painAfter - earlier.painAfter) : null,
    longer,
  };
}
