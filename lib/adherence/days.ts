/**
 * A patient's days and their adherence figures (design.md's definitions), computed from what the
 * database reads for them: pure, no database, no clock. Days are numbered from the window's
 * first day (0) to today (`windowDays - 1`), so nothing here parses a date or knows a timezone;
 * lib/adherence/adherence.ts reads each patient's days in their own timezone.
 *
 * Reading the inputs and counting here replaced one SQL query that built a row for every
 * patient-day and sorted them: 88 % of the dashboard's first view after a new day
 * (docs/benchmarks.md, issue 18).
 */

/** A plan version's prescription over days `from`..`to` (inclusive): sessions per weekday, Monday first. */
export type PrescriptionWeek = { from: number; to: number; week: number[] };

export type DaysInput = {
  windowDays: number;
  /** Today's ISO weekday, 1 (Monday) to 7. */
  todayIsoDow: number;
  /** Each version in effect within the window, with items. */
  weeks: PrescriptionWeek[];
  /** The day of each log that counts as a session (an exercise done in it), repeated per session. */
  sessions: number[];
};

export type Day = {
  /** 0 for the window's first day, `windowDays - 1` for today. */
  index: number;
  prescribed: number;
  logged: number;
  completed: number;
  /** Sums over the 7 days ending on this one (fewer at the window's start). */
  completed7: number;
  prescribed7: number;
};

/**
 * Every day of the window, oldest first. Prescribed: the most sessions any version in effect asks
 * for on that weekday. Today, still in progress, counts only with what is already logged: it can
 * raise adherence, never lower it. Completed: logged sessions, capped at what was prescribed.
 */
export function daysOf({ windowDays, todayIsoDow, weeks, sessions }: DaysInput): Day[] {
  const today = windowDays - 1;
  const asked = new Array<number>(windowDays).fill(0);
  for (const { from, to, week } of weeks) {
    for (let i = Math.max(0, from); i <= Math.min(today, to); i++) {
      const dow = (((todayIsoDow - 1 - (today - i)) % 7) + 7) % 7;
      asked[i] = Math.max(asked[i]!, week[dow] ?? 0);
    }
  }
  const logged = new Array<number>(windowDays).fill(0);
  for (const i of sessions) if (i >= 0 && i <= today) logged[i]!++;
  const days: Day[] = [];
  let completed7 = 0;
  let prescribed7 = 0;
  for (let i = 0; i < windowDays; i++) {
    const prescribed = i === today ? Math.min(asked[i]!, logged[i]!) : asked[i]!;
    const completed = Math.min(logged[i]!, asked[i]!);
    completed7 += completed;
    prescribed7 += prescribed;
    if (i >= 7) {
      completed7 -= days[i - 7]!.completed;
      prescribed7 -= days[i - 7]!.prescribed;
    }
    days.push({ index: i, prescribed, logged: logged[i]!, completed, completed7, prescribed7 });
  }
  return days;
}

/** A day's 7-day rolling adherence, or null with nothing prescribed over those days. */
export const rolling7 = (day: Day): number | null => (day.prescribed7 > 0 ? day.completed7 / day.prescribed7 : null);

export type WindowFigures = {
  prescribed7: number;
  completed7: number;
  logged7: number;
  /** Days of the last 7 with something prescribed (today only once a session is logged). */
  prescribedDays7: number;
  prescribed28: number;
  completed28: number;
  /** 7-day adherence ending on each of the last 28 days, oldest first, to 4 decimals. */
  trend: (number | null)[];
  /** Days before today, since the last session (or in the whole window without one), that asked for sessions. */
  missedPrescribedDays: number;
};

/**
 * The last 7 and 28 days' sums, the trend and the prescribed days missed, from a window of 34
 * days (the trend's first day needs the 6 before it). `lastSession` is the latest day with a log,
 * numbered as the days are (negative before the window), or null for none.
 */
export function windowFigures(days: Day[], lastSession: number | null): WindowFigures {
  const today = days.length - 1;
  const figures: WindowFigures = {
    prescribed7: 0,
    completed7: 0,
    logged7: 0,
    prescribedDays7: 0,
    prescribed28: 0,
    completed28: 0,
    trend: [],
    missedPrescribedDays: 0,
  };
  const since = lastSession ?? -1;
  for (const day of days) {
    if (day.index > today - 7) {
      figures.prescribed7 += day.prescribed;
      figures.completed7 += day.completed;
      figures.logged7 += day.logged;
      if (day.prescribed > 0) figures.prescribedDays7++;
    }
    if (day.index > today - 28) {
      figures.prescribed28 += day.prescribed;
      figures.completed28 += day.completed;
      // As numeric's round(x, 4): the quotient of two integers is exact at a half, so this agrees.
      figures.trend.push(day.prescribed7 > 0 ? Math.round((day.completed7 * 10_000) / day.prescribed7) / 10_000 : null);
    }
    if (day.prescribed > 0 && day.index < today && day.index > since) figures.missedPrescribedDays++;
  }
  return figures;
}
