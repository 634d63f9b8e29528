import { describe, expect, it } from 'vitest';
import { shiftDate } from '@/lib/dates';
import { painTrendText } from './pain-trend';

/** One log a day from `start` for `days` days, pain after going from `from` by `step` a day. */
const daily = (start: string, days: number, from: number, step = 0) =>
  Array.from({ length: days }, (_, i) => ({ day: shiftDate(start, i), painAfter: from + step * i }));

describe('the pain trend of a chart range', () => {
  it('compares the first week with a pain number against the last, wherever in the range they fall', () => {
    // A 12-week range whose plan began in week 7: the range's own first week has no logs.
    expect(painTrendText(daily('2026-10-20', 42, 6, -0.1))).toBe('pain after sessions fell from 5.7 to 2.2');
    // Logging stopped two weeks before the range ended.
    expect(painTrendText(daily('2026-09-01', 21, 2, 0.2))).toBe('pain after sessions rose from 2.6 to 5.4');
    expect(painTrendText(daily('2026-09-01', 21, 3))).toBe('pain after sessions stayed at 3.0');
  });

  it('gives the average when every pain number falls within one week, and nothing without one', () => {
    expect(painTrendText(daily('2026-09-01', 5, 4, 0.5))).toBe('pain after sessions averaged 5.0');
    expect(painTrendText([{ day: '2026-09-01', painAfter: null }])).toBeNull();
    expect(painTrendText([])).toBeNull();
  });

  it('reads logs in any order and skips those without a pain number', () => {
    const logs = [...daily('2026-10-01', 14, 5, -0.2), { day: '2026-10-05', painAfter: null }].reverse();
    expect(painTrendText(logs)).toBe(painTrendText(daily('2026-10-01', 14, 5, -0.2)));
  });
});
