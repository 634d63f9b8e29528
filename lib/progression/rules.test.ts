import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftDate } from '@/lib/dates';
import type { DoseLimits } from '@/lib/exercises/types';
import {
  DEFAULT_THRESHOLDS,
  type DayPoint,
  type ExerciseFacts,
  type PlanItemDose,
  type ProgressionInput,
  progressionThresholdsSchema,
  suggestProgression,
} from './rules';

const NUMERIC = ['holdSeconds', 'reps', 'sets', 'sessionsPerDay'] as const;

// ---- Generators: a small library with variants, a plan version (and maybe the one before), days of logs.

const range = (lo: number, hi: number, span: number) =>
  fc.integer({ min: lo, max: hi }).chain((min) => fc.integer({ min, max: min + span }).map((max) => ({ min, max })));

const limitsArb: fc.Arbitrary<DoseLimits> = fc.record({
  holdSeconds: range(5, 60, 120),
  reps: range(1, 10, 20),
  sets: range(1, 3, 7),
  sessionsPerDay: range(1, 3, 3),
});

// Often at a limit, where the rules turn to variants.
const within = (r: { min: number; max: number }) => fc.oneof(fc.integer(r), fc.constant(r.max), fc.constant(r.min));

const inLimits = (limits: DoseLimits, exerciseId: string): fc.Arbitrary<PlanItemDose> =>
  fc.record({
    exerciseId: fc.constant(exerciseId),
    holdSeconds: within(limits.holdSeconds),
    reps: within(limits.reps),
    sets: within(limits.sets),
    sessionsPerDay: within(limits.sessionsPerDay),
    daysOfWeek: fc.subarray([1, 2, 3, 4, 5, 6, 7] as const, { minLength: 1 }).map((d) => [...d]),
    patientNote: fc.option(fc.constant('Slowly'), { nil: null }),
  });

/** Six exercises; each one's easier and harder variant, if any, is another of them. */
const libraryArb = fc
  .array(
    fc.record({
      limits: limitsArb,
      timing: fc.constantFrom('roll' as const, 'hold' as const),
      repsUnit: fc.constantFrom('breaths' as const, 'reps' as const),
      easier: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      harder: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
    }),
    { minLength: 6, maxLength: 6 },
  )
  .map((rows) => {
    const variant = (i: number | null, self: number) => {
      const row = i === null || i === self ? undefined : rows[i];
      return row ? { id: `ex-${i}`, name: `Exercise ${i}`, limits: row.limits } : null;
    };
    return new Map<string, ExerciseFacts>(
      rows.map((r, i) => [
        `ex-${i}`,
        { ...r, name: `Exercise ${i}`, easier: variant(r.easier, i), harder: variant(r.harder, i) },
      ]),
    );
  });

type DayDraft = Omit<DayPoint, 'day' | 'redFlag'>;

/** Any day at all: mostly half-kept plans, so simplify, step down and hold all turn up. */
const anyDayArb: fc.Arbitrary<DayDraft> = fc
  .record({
    prescribed: fc.integer({ min: 0, max: 3 }),
    completed: fc.integer({ min: 0, max: 3 }),
    logged: fc.integer({ min: 0, max: 4 }),
    painAfter: fc.option(
      fc.integer({ min: 0, max: 20 }).map((n) => n / 2),
      { nil: null, freq: 4 },
    ),
  })
  .map((d) => ({ ...d, completed: Math.min(d.completed, d.prescribed, d.logged) }));

/** A patient keeping up with little pain, the odd day missed: where step ups come from. */
const keepingUpDayArb: fc.Arbitrary<DayDraft> = fc
  .record({
    prescribed: fc.integer({ min: 1, max: 2 }),
    missed: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    painAfter: fc.integer({ min: 0, max: 8 }).map((n) => n / 2),
  })
  .map(({ prescribed, missed, painAfter }) => ({
    prescribed,
    completed: missed ? 0 : prescribed,
    logged: missed ? 0 : prescribed,
    painAfter: missed ? null : painAfter,
  }));

const daysArb = fc
  .constantFrom(anyDayArb, keepingUpDayArb)
  .chain((day) => fc.array(day, { minLength: 45, maxLength: 45 }));

const TODAY = '2026-03-20';

const scenarioArb = (opts: { previous?: 'always' | 'maybe'; redFlagOn?: number } = {}) =>
  libraryArb.chain((exercises) => {
    const ids = [...exercises.keys()];
    const itemsFor = (chosen: string[]) =>
      fc.tuple(...chosen.map((id) => inLimits((exercises.get(id) as ExerciseFacts).limits, id)));
    return fc
      .record({
        current: fc.shuffledSubarray(ids, { minLength: 1, maxLength: 4 }),
        // The version before: mostly the same exercises, sometimes one swapped.
        previous: fc.shuffledSubarray(ids, { minLength: 1, maxLength: 4 }),
        samePrevious: fc.boolean(),
        hasPrevious: opts.previous === 'always' ? fc.constant(true) : fc.boolean(),
        daysSince: fc.integer({ min: 0, max: 30 }),
        days: daysArb,
        redFlags: fc.array(fc.integer({ min: 0, max: 44 }), { maxLength: 2 }),
        thresholds: fc.option(
          fc.record({ holdIncrement: fc.integer({ min: 5, max: 30 }), windowDays: fc.integer({ min: 5, max: 14 }) }),
          { nil: undefined },
        ),
      })
      .chain((s) =>
        fc
          .tuple(itemsFor(s.current), itemsFor(s.samePrevious ? s.current : s.previous))
          .map(([items, previousItems]): ProgressionInput => {
            const first = shiftDate(TODAY, -44);
            const days: DayPoint[] = s.days.map((d, i) => ({
              day: shiftDate(first, i),
              ...d,
              painAfter: d.logged > 0 ? d.painAfter : null,
              redFlag: s.redFlags.includes(i) || (opts.redFlagOn !== undefined && i === 44 - opts.redFlagOn),
            }));
            return {
              version: { effectiveDate: shiftDate(TODAY, -s.daysSince), items },
              previousItems: s.hasPrevious ? previousItems : null,
              exercises,
              days,
              today: TODAY,
              thresholds: s.thresholds,
            };
          }),
      );
  });

const loggedSinceChange = (input: ProgressionInput) =>
  input.days.filter((d) => d.day >= input.version.effectiveDate && d.day <= input.today && d.logged > 0).length;

const limitsOfTarget = (input: ProgressionInput, id: string): DoseLimits | undefined => input.exercises.get(id)?.limits;

describe('progression rules (properties)', () => {
  it('never proposes a dose outside the limits of the exercise it names, nor one exercise twice', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const s = suggestProgression(input);
        const ids = s?.items.map((i) => i.exerciseId) ?? [];
        expect(new Set(ids).size).toBe(ids.length);
        for (const c of s?.changes ?? []) {
          if (!c.to) continue;
          const limits = limitsOfTarget(input, c.to.exerciseId);
          expect(limits).toBeDefined();
          for (const key of NUMERIC) {
            expect(c.to[key]).toBeGreaterThanOrEqual(limits![key].min);
            expect(c.to[key]).toBeLessThanOrEqual(limits![key].max);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never steps up after a red flag, on rising pain, or within 7 days of a change', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const s = suggestProgression(input);
        if (s?.kind !== 'step_up') return;
        // The window the figures describe: the last week, never before the change (an earlier red flag
        // belongs to the dose that was stepped down from).
        const lastWeek = shiftDate(input.today, -((input.thresholds?.windowDays ?? 7) - 1));
        const windowFrom = lastWeek > input.version.effectiveDate ? lastWeek : input.version.effectiveDate;
        expect(input.days.some((d) => d.redFlag && d.day >= windowFrom && d.day <= input.today)).toBe(false);
        expect(s.figures.painRise ?? 0).toBeLessThan(DEFAULT_THRESHOLDS.painRise);
        expect(s.figures.daysSinceChange).toBeGreaterThanOrEqual(DEFAULT_THRESHOLDS.noStepUpDays);
        expect(s.suggestReferral).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('says nothing with fewer than 5 logged days since the last change', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const s = suggestProgression(input);
        if (loggedSinceChange(input) < DEFAULT_THRESHOLDS.minLoggedDays) expect(s).toBeNull();
        else expect(s).not.toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('after a red flag, steps any version above the first down to its previous dose or lower', () => {
    fc.assert(
      fc.property(scenarioArb({ previous: 'always', redFlagOn: 1 }), (input) => {
        fc.pre(loggedSinceChange(input) >= DEFAULT_THRESHOLDS.minLoggedDays);
        const s = suggestProgression(input);
        expect(s?.kind).toBe('step_down');
        expect(s?.suggestReferral).toBe(true);
        for (const c of s?.changes ?? []) {
          const before = input.previousItems!.find((p) => p.exerciseId === c.to?.exerciseId);
          if (!c.to || !before) continue;
          for (const key of NUMERIC) expect(c.to[key]).toBeLessThanOrEqual(before[key]);
          if (c.action === 'dose') for (const key of NUMERIC) expect(c.to[key]).toBeLessThanOrEqual(c.from[key]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('simplifies by fewer sessions or fewer exercises, never a higher dose', () => {
    let seen = 0;
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const s = suggestProgression(input);
        if (s?.kind !== 'simplify') return;
        seen += 1;
        expect(s.items.length).toBeLessThanOrEqual(input.version.items.length);
        for (const c of s.changes) {
          if (!c.to) continue;
          expect(c.to.exerciseId).toBe(c.from.exerciseId);
          for (const key of NUMERIC) expect(c.to[key]).toBeLessThanOrEqual(c.from[key]);
          expect(c.to.sessionsPerDay).toBeLessThan(c.from.sessionsPerDay);
        }
      }),
      { numRuns: 500 },
    );
    expect(seen).toBeGreaterThan(0);
  });

  it('gives the same suggestion for the same inputs and leaves them as they were', () => {
    fc.assert(
      fc.property(scenarioArb(), (input) => {
        const copy = structuredClone(input);
        const first = suggestProgression(input);
        expect(input).toEqual(copy);
        expect(suggestProgression(copy)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });
});

// ---- Scenarios a practitioner would recognise.

const LIMITS: DoseLimits = {
  holdSeconds: { min: 15, max: 90 },
  reps: { min: 3, max: 10 },
  sets: { min: 1, max: 3 },
  sessionsPerDay: { min: 1, max: 3 },
};
const OVERHEAD = {
  id: 'overhead',
  name: 'Thoracic extension, arms overhead',
  limits: LIMITS,
  defaultDose: { holdSeconds: 30, reps: 5, sets: 2 },
};
const LIBRARY = new Map<string, ExerciseFacts>([
  [
    'extension',
    { name: 'Thoracic extension', timing: 'hold', repsUnit: 'breaths', limits: LIMITS, easier: null, harder: OVERHEAD },
  ],
  [
    'rotation',
    { name: 'Open book rotation', timing: 'hold', repsUnit: 'reps', limits: LIMITS, easier: null, harder: null },
  ],
]);
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as PlanItemDose['daysOfWeek'];
const item = (exerciseId: string, dose: Partial<PlanItemDose> = {}): PlanItemDose => ({
  exerciseId,
  holdSeconds: 45,
  reps: 5,
  sets: 2,
  sessionsPerDay: 1,
  daysOfWeek: EVERY_DAY,
  patientNote: null,
  ...dose,
});

/** The last `count` days up to TODAY, oldest first; `on(daysAgo)` says what happened. */
function history(count: number, on: (daysAgo: number) => Partial<DayPoint>): DayPoint[] {
  return Array.from({ length: count }, (_, i) => {
    const daysAgo = count - 1 - i;
    return {
      day: shiftDate(TODAY, -daysAgo),
      prescribed: 1,
      completed: 1,
      logged: 1,
      painAfter: 2,
      redFlag: false,
      ...on(daysAgo),
    };
  });
}
const missed = { completed: 0, logged: 0, painAfter: null };

function scenario(over: Partial<ProgressionInput> & { changedDaysAgo: number }): ProgressionInput {
  return {
    version: { effectiveDate: shiftDate(TODAY, -over.changedDaysAgo), items: [item('extension')] },
    previousItems: [item('extension', { holdSeconds: 30 })],
    exercises: LIBRARY,
    days: history(21, () => ({})),
    today: TODAY,
    ...over,
  };
}

describe('progression rules (scenarios)', () => {
  it('a patient who did 6 of 7 days with little pain is ready for a longer hold', () => {
    const s = suggestProgression(
      scenario({ changedDaysAgo: 10, days: history(21, (ago) => (ago === 3 ? missed : {})) }),
    );
    expect(s?.kind).toBe('step_up');
    expect(s?.headline).toBe('Ready to progress: hold 45 → 60 s on Thoracic extension');
    expect(s?.reasons).toEqual(['6 of 7 days done', 'pain after averaged 2']);
    expect(s?.items).toEqual([item('extension', { holdSeconds: 60 })]);
    expect(s?.suggestReferral).toBe(false);
  });

  it('an exercise at all its limits moves on to its harder variant at that variant’s default dose', () => {
    const top = item('extension', { holdSeconds: 90, reps: 10, sessionsPerDay: 3 });
    const s = suggestProgression(
      scenario({
        changedDaysAgo: 10,
        version: { effectiveDate: shiftDate(TODAY, -10), items: [top] },
        days: history(21, () => ({ prescribed: 3, completed: 3, logged: 3 })),
      }),
    );
    expect(s?.headline).toBe('Ready to progress: swap Thoracic extension for Thoracic extension, arms overhead');
    expect(s?.items).toEqual([item('overhead', { holdSeconds: 30, reps: 5, sets: 2, sessionsPerDay: 3 })]);
  });

  it('a red flag after a step up goes back to the previous dose and suggests in-person care', () => {
    const s = suggestProgression(
      scenario({
        changedDaysAgo: 8,
        version: { effectiveDate: shiftDate(TODAY, -8), items: [item('extension', { holdSeconds: 60 })] },
        previousItems: [item('extension', { holdSeconds: 45 })],
        days: history(21, (ago) => (ago === 1 ? { redFlag: true } : {})),
      }),
    );
    expect(s?.kind).toBe('step_down');
    expect(s?.headline).toBe('Step down: hold 60 → 45 s on Thoracic extension');
    expect(s?.reasons).toEqual(['a red flag was reported on Mar 19']);
    expect(s?.items).toEqual([item('extension', { holdSeconds: 45 })]);
    expect(s?.suggestReferral).toBe(true);
  });

  it('pain after rising by 2 against the week before steps down even with every session done', () => {
    const s = suggestProgression(
      scenario({ changedDaysAgo: 7, days: history(21, (ago) => ({ painAfter: ago < 7 ? 5 : 3 })) }),
    );
    expect(s?.kind).toBe('step_down');
    expect(s?.reasons).toEqual(['pain after rose from 3 to 5']);
  });

  it('a patient who manages a fifth of two sessions a day over 14 days is offered one a day', () => {
    const twice = { sessionsPerDay: 2 };
    const s = suggestProgression(
      scenario({
        changedDaysAgo: 20,
        version: { effectiveDate: shiftDate(TODAY, -20), items: [item('extension', twice), item('rotation', twice)] },
        days: history(21, (ago) => ({ prescribed: 2, ...(ago % 2 === 0 ? { completed: 1, logged: 1 } : missed) })),
      }),
    );
    expect(s?.kind).toBe('simplify');
    expect(s?.headline).toBe('Simplify: 2 → 1 sessions a day on Thoracic extension and 1 more');
    expect(s?.reasons).toEqual(['7 of 28 sessions done (25 %)', 'pain after averaged 2']);
    expect(s?.items.map((i) => i.sessionsPerDay)).toEqual([1, 1]);
    expect(s?.suggestReferral).toBe(false);
  });

  it('holds steady, saying why, while a new dose is under a week old', () => {
    const s = suggestProgression(scenario({ changedDaysAgo: 5 }));
    expect(s?.kind).toBe('hold');
    expect(s?.headline).toBe('Hold steady: changed 5 days ago, and a dose is kept 7 days before it goes up');
    expect(s?.changes).toEqual([]);
    expect(s?.items).toEqual([item('extension')]);
  });

  it('says nothing on 4 logged days since the change, even with a red flag among them', () => {
    const days = history(21, (ago) => (ago > 3 ? missed : { redFlag: ago === 0 }));
    expect(suggestProgression(scenario({ changedDaysAgo: 10, days }))).toBeNull();
  });
});

describe('progression thresholds', () => {
  it('accepts the defaults and a clinic form’s strings, and refuses unsafe settings', () => {
    expect(progressionThresholdsSchema.parse(DEFAULT_THRESHOLDS)).toEqual(DEFAULT_THRESHOLDS);
    expect(progressionThresholdsSchema.parse({ ...DEFAULT_THRESHOLDS, holdIncrement: '20' }).holdIncrement).toBe(20);
    for (const unsafe of [{ stepUpAdherence: 0.4 }, { holdIncrement: 45 }, { windowDays: 3 }, { stepDownPain: 2 }]) {
      expect(progressionThresholdsSchema.safeParse({ ...DEFAULT_THRESHOLDS, ...unsafe }).success).toBe(false);
    }
  });
});
