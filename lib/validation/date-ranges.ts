import { shiftDate, shiftYears } from '@/lib/dates';

/** The first and last day a date field accepts, both YYYY-MM-DD and inclusive. */
export type DayRange = { earliest: string; latest: string };
/** A field's range, worked out from today's date (so a form parsed next year moves with it). */
export type DayRangeFrom = (today: string) => DayRange;

/** How far a plan's dates may reach from today, either way. */
export const PLAN_REACH_YEARS = 5;
/** How far back a referral's step or report may be dated. */
export const RECORD_REACH_YEARS = 5;

/**
 * A plan's start, end and changes: within five years of today either way. Back-dating covers a
 * plan entered after the fact; five years ahead covers any plan a clinic books.
 */
export const planDays: DayRangeFrom = (today) => ({
  earliest: shiftYears(today, -PLAN_REACH_YEARS),
  latest: shiftYears(today, PLAN_REACH_YEARS),
});

/**
 * Something that already happened (a referral's step, a provider's report): up to five years
 * back, and no later than tomorrow in UTC, which is today somewhere. The clinic's own "not in
 * the future" check, in its timezone, comes after.
 */
export const pastDays: DayRangeFrom = (today) => ({
  earliest: shiftYears(today, -RECORD_REACH_YEARS),
  latest: shiftDate(today, 1),
});
