import { z } from 'zod';
import { CONTRAINDICATION_CODES } from '@/lib/screening/contraindications';
import { EQUIPMENT, EXERCISE_KINDS, REPS_UNITS, TIMINGS } from '@/lib/exercises/types';
import { hasControlCharacters, optionalText, text, uuidOf, wholeNumber } from './form';

/** One entry per line in a textarea. */
const lines = (label: string, min: number, max: number, maxLength = 300) =>
  z
    .string()
    .default('')
    .refine((v) => !hasControlCharacters(v, true), `Some ${label} contain characters that can't be saved.`)
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(maxLength, `Each line of ${label} is at most ${maxLength} characters.`))
        .min(
          min,
          min === 1 ? `Add at least one line of ${label}.` : `Add at least ${min} lines of ${label}, one per line.`,
        )
        .max(max, `Use at most ${max} lines of ${label}.`),
    );

const optionalExercise = (what: string) =>
  z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(uuidOf(what).nullable());

export const NONE_TICKED =
  'Tick the conditions this exercise is not suitable for, or confirm that it is safe for every one of them.';

export const customExerciseSchema = z
  .object({
    name: text({
      label: 'The name',
      max: 120,
      required: 'Name the exercise.',
      tooLong: 'Names are at most 120 characters.',
    }),
    kind: z.enum(EXERCISE_KINDS, { error: 'Choose the kind of exercise.' }),
    equipment: z.enum(EQUIPMENT, { error: 'Choose the roller.' }),
    summary: text({ label: 'The summary', max: 300, multiline: true }).default(''),
    steps: lines('steps', 2, 10),
    cues: lines('cues', 0, 6, 200),
    safetyNotes: lines('safety notes', 1, 6),
    illustration: text({ label: 'The illustration', max: 200 })
      .optional()
      .transform((v) => v || null),
    timing: z.enum(TIMINGS, { error: 'Choose whether the exercise is rolled or held.' }),
    repsUnit: z.enum(REPS_UNITS, { error: 'Choose whether it counts breaths or reps.' }),
    holdMin: wholeNumber('Shortest hold', 1, 1800),
    holdMax: wholeNumber('Longest hold', 1, 1800),
    repsMin: wholeNumber('Fewest breaths or reps', 1, 30),
    repsMax: wholeNumber('Most breaths or reps', 1, 30),
    setsMin: wholeNumber('Fewest sets', 1, 10),
    setsMax: wholeNumber('Most sets', 1, 10),
    sessionsMin: wholeNumber('Fewest sessions a day', 1, 6),
    sessionsMax: wholeNumber('Most sessions a day', 1, 6),
    defaultHoldSeconds: wholeNumber('Default hold', 1, 1800),
    defaultReps: wholeNumber('Default breaths or reps', 1, 30),
    defaultSets: wholeNumber('Default sets', 1, 10),
    defaultSessionsPerDay: wholeNumber('Default sessions a day', 1, 6),
    contraindications: z.array(z.enum(CONTRAINDICATION_CODES)).default([]),
    /** Ticked to save an exercise with no contraindications at all: never the default. */
    noContraindications: z
      .string()
      .optional()
      .transform((v) => v === 'yes'),
    easierId: optionalExercise('easier variant'),
    harderId: optionalExercise('harder variant'),
  })
  .superRefine((v, ctx) => {
    if (v.contraindications.length === 0 && !v.noContraindications)
      ctx.addIssue({ code: 'custom', path: ['contraindications'], message: NONE_TICKED });
    const pairs = [
      ['holdMin', 'holdMax', 'defaultHoldSeconds'],
      ['repsMin', 'repsMax', 'defaultReps'],
      ['setsMin', 'setsMax', 'defaultSets'],
      ['sessionsMin', 'sessionsMax', 'defaultSessionsPerDay'],
    ] as const;
    for (const [lo, hi, def] of pairs) {
      if (v[lo] > v[hi])
        ctx.addIssue({ code: 'custom', path: [hi], message: 'The largest value must not be below the smallest.' });
      else if (v[def] < v[lo] || v[def] > v[hi])
        ctx.addIssue({ code: 'custom', path: [def], message: `The default must be between ${v[lo]} and ${v[hi]}.` });
    }
  });

export type CustomExerciseInput = z.infer<typeof customExerciseSchema>;

export const templateSchema = z.object({
  name: text({
    label: 'The name',
    max: 120,
    required: 'Name the template.',
    tooLong: 'Names are at most 120 characters.',
  }),
  description: optionalText(500, 'The description', { multiline: true }),
});
