import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatDay, shiftDate, shiftYears, todayIn } from '@/lib/dates';
import { pastDays, planDays } from './date-ranges';
import { patientSchema } from './patient';
import { adjustPlanSchema, assignPlanSchema } from './plan';
import { moveReferralSchema, recordReportSchema } from './referral';

const UUID = '00000000-0000-4000-8000-000000000001';
const ITEMS = JSON.stringify([]);
const today = todayIn('UTC');

const errorsOf = (result: { success: boolean; error?: z.ZodError }) =>
  result.success || !result.error ? {} : (z.flattenError(result.error).fieldErrors as Record<string, string[]>);

const assign = (startDate: string, endDate = '') =>
  errorsOf(assignPlanSchema.safeParse({ startDate, endDate, items: ITEMS, acknowledgements: '' }));

describe('date ranges', () => {
  it('refuses a plan starting in year 0000 (PostgreSQL has no year 0) with a field message', () => {
    expect(assign('0000-01-01').startDate).toEqual([
      `The start date must be between ${formatDay(shiftYears(today, -5))} and ${formatDay(shiftYears(today, 5))}.`,
    ]);
    expect(assign('9999-12-31').startDate?.[0]).toMatch(/^The start date must be between/);
    expect(assign(today, '0001-01-01').endDate?.[0]).toMatch(/^The end date must be between/);
  });

  it('takes a plan from five years back to five years ahead, and nothing past either end', () => {
    const { earliest, latest } = planDays(today);
    expect(assign(earliest).startDate).toBeUndefined();
    expect(assign(latest).startDate).toBeUndefined();
    expect(assign(shiftDate(earliest, -1)).startDate).toHaveLength(1);
    expect(assign(shiftDate(latest, 1)).startDate).toHaveLength(1);
    expect(assign(today, shiftDate(latest, 1)).endDate).toHaveLength(1);
  });

  it('keeps the format and calendar messages for what is not a day at all', () => {
    expect(assign('01/02/2026').startDate).toEqual(['Enter the start date as a date.']);
    expect(assign('2026-02-30').startDate).toEqual(['Enter a real start date.']);
  });

  it('bounds the day a plan change takes effect the same way', () => {
    const parse = (effectiveDate: string) =>
      errorsOf(adjustPlanSchema.safeParse({ effectiveDate, reason: 'Pain eased', items: ITEMS, acknowledgements: '' }))
        .effectiveDate;
    expect(parse('0000-01-01')?.[0]).toMatch(/^The date the change takes effect must be between/);
    expect(parse(today)).toBeUndefined();
  });

  it('dates a referral’s step or report within five years back and no later than tomorrow', () => {
    const step = (on: string) => errorsOf(moveReferralSchema.safeParse({ referralId: UUID, to: 'sent', on })).on;
    const report = (reportOn: string) =>
      errorsOf(recordReportSchema.safeParse({ referralId: UUID, findings: 'Seen.', reportOn })).reportOn;
    const { earliest, latest } = pastDays(today);
    for (const check of [step, report]) {
      expect(check('0000-01-01')).toHaveLength(1);
      expect(check(shiftDate(earliest, -1))).toHaveLength(1);
      expect(check(earliest)).toBeUndefined();
      expect(check(latest)).toBeUndefined();
      expect(check(shiftDate(latest, 1))).toHaveLength(1);
    }
    expect(step('')).toBeUndefined();
  });

  it('takes a birth year from 1900 to this year', () => {
    const year = (birthYear: string) =>
      errorsOf(patientSchema.safeParse({ name: 'A', birthYear, timezone: 'UTC' })).birthYear;
    expect(year('1899')).toEqual(['Birth year must be at least 1900.']);
    expect(year('0')).toHaveLength(1);
    expect(year(today.slice(0, 4))).toBeUndefined();
    expect(year(String(Number(today.slice(0, 4)) + 1))).toHaveLength(1);
  });
});
