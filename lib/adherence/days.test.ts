import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DaysInput, daysOf, type PrescriptionWeek, rolling7, windowFigures } from './days';

const WINDOW = 34;

const weekArb: fc.Arbitrary<PrescriptionWeek> = fc
  .record({
    from: fc.integer({ min: -10, max: WINDOW + 2 }),
    length: fc.integer({ min: 0, max: WINDOW + 10 }),
    week: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 7, maxLength: 7 }),
  })
  .map(({ from, length, week }) => ({ from, to: from + length, week }));

const inputArb: fc.Arbitrary<DaysInput> = fc.record({
  windowDays: fc.constant(WINDOW),
  todayIsoDow: fc.integer({ min: 1, max: 7 }),
  weeks: fc.array(weekArb, { maxLength: 4 }),
  sessions: fc.array(fc.integer({ min: -3, max: WINDOW + 3 }), { maxLength: 80 }),
});

/** The day's ISO weekday, counted back from today's. */
const isoDow = (input: DaysInput, index: number) =>
  ((((input.todayIsoDow - 1 - (input.windowDays - 1 - index)) % 7) + 7) % 7) + 1;

describe('a patient’s days', () => {
  it('prescribe the most sessions any version in effect asks for on that weekday', () => {
    // Today is a Wednesday (3): the window's days 31, 32 and 33 are Monday, Tuesday and Wednesday.
    const days = daysOf({
      windowDays: WINDOW,
      todayIsoDow: 3,
      weeks: [
        { from: 0, to: 31, week: [2, 0, 0, 0, 0, 0, 0] },
        { from: 31, to: 40, week: [1, 3, 0, 0, 0, 0, 0] },
      ],
      sessions: [31, 31, 31, 32, 33, 33],
    });
    expect(days.slice(-3).map((d) => [d.prescribed, d.logged, d.completed])).toEqual([
      [2, 3, 2], // Monday: both versions in effect, the larger asks for 2; the third session is extra
      [3, 1, 1],
      [0, 2, 0], // today asks for nothing: logged, but counts for nothing
    ]);
    expect(days[24]).toMatchObject({ prescribed: 2 }); // the Monday a week earlier
    expect(days[25]).toMatchObject({ prescribed: 0 });
  });

  it('count today only with what is logged, so a day in progress never lowers adherence', () => {
    const week = [1, 1, 1, 1, 1, 1, 1].map(() => 2);
    const none = daysOf({ windowDays: WINDOW, todayIsoDow: 5, weeks: [{ from: 0, to: 33, week }], sessions: [] });
    const one = daysOf({ windowDays: WINDOW, todayIsoDow: 5, weeks: [{ from: 0, to: 33, week }], sessions: [33] });
    expect(none.at(-1)).toMatchObject({ prescribed: 0, completed: 0 });
    expect(one.at(-1)).toMatchObject({ prescribed: 1, completed: 1 });
  });

  it('count the prescribed days missed since the last session, and every one in the window without any', () => {
    const days = daysOf({
      windowDays: WINDOW,
      todayIsoDow: 1,
      weeks: [{ from: 26, to: 33, week: [1, 1, 1, 1, 1, 1, 1] }],
      sessions: [],
    });
    expect(windowFigures(days, 29).missedPrescribedDays).toBe(3); // days 30, 31, 32; not today
    expect(windowFigures(days, null).missedPrescribedDays).toBe(7);
    expect(windowFigures(days, -40).missedPrescribedDays).toBe(7);
  });

  it('never complete more than was prescribed, and count every session within the window', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const days = daysOf(input);
        expect(days).toHaveLength(WINDOW);
        for (const d of days) expect(d.completed).toBeLessThanOrEqual(d.prescribed);
        const inWindow = input.sessions.filter((i) => i >= 0 && i < WINDOW).length;
        expect(days.reduce((n, d) => n + d.logged, 0)).toBe(inWindow);
      }),
    );
  });

  it('agree with counting each day and each 7 days from scratch', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const days = daysOf(input);
        days.forEach((day, i) => {
          const asked = Math.max(
            0,
            ...input.weeks.filter((w) => w.from <= i && i <= w.to).map((w) => w.week[isoDow(input, i) - 1]!),
          );
          const logged = input.sessions.filter((s) => s === i).length;
          expect(day.prescribed).toBe(i === WINDOW - 1 ? Math.min(asked, logged) : asked);
          expect(day.completed).toBe(Math.min(asked, logged));
          const last7 = days.slice(Math.max(0, i - 6), i + 1);
          expect(day.prescribed7).toBe(last7.reduce((n, d) => n + d.prescribed, 0));
          expect(day.completed7).toBe(last7.reduce((n, d) => n + d.completed, 0));
        });
      }),
    );
  });

  it('sum the last 7 and 28 days, with a trend of 28 rolling figures between 0 and 1', () => {
    fc.assert(
      fc.property(inputArb, fc.option(fc.integer({ min: -5, max: WINDOW - 1 }), { nil: null }), (input, last) => {
        const days = daysOf(input);
        const f = windowFigures(days, last);
        const sum = (from: number, key: 'prescribed' | 'completed' | 'logged') =>
          days.slice(from).reduce((n, d) => n + d[key], 0);
        expect([f.prescribed7, f.completed7, f.logged7]).toEqual([
          sum(-7, 'prescribed'),
          sum(-7, 'completed'),
          sum(-7, 'logged'),
        ]);
        expect([f.prescribed28, f.completed28]).toEqual([sum(-28, 'prescribed'), sum(-28, 'completed')]);
        expect(f.prescribedDays7).toBe(days.slice(-7).filter((d) => d.prescribed > 0).length);
        expect(f.trend).toHaveLength(28);
        f.trend.forEach((value, k) => {
          const exact = rolling7(days[WINDOW - 28 + k]!);
          if (exact === null) expect(value).toBeNull();
          else expect(Math.abs(value! - exact)).toBeLessThanOrEqual(0.00005);
        });
      }),
    );
  });

  it('do not depend on the order the versions and logs were read in', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const reversed = { ...input, weeks: [...input.weeks].reverse(), sessions: [...input.sessions].reverse() };
        expect(daysOf(reversed)).toEqual(daysOf(input));
      }),
    );
  });
});
