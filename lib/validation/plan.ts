import { z } from 'zod';
import { planDays } from './date-ranges';
import { isoDate, optionalText, text, uuidOf, wholeNumber } from './form';

export const MAX_PLAN_ITEMS = 12;

const weekday = z.coerce.number().int().min(1).max(7);

/**
 * A number of a dose: whole, and nothing more here. Its range is the exercise's own, checked with
 * the exercise's name and limits (lib/plans/rules.ts, lib/plans/templates.ts) before anything is
 * written: a bound here would refuse 10,000 s with "at most 1800" where the exercise allows 300.
 */
const doseNumber = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .refine(Number.isFinite, `${label} must be a number.`)
    .refine(Number.isInteger, `${label} must be a whole number.`);

export const planItemSchema = z.object({
  exerciseId: uuidOf('exercise'),
  sessionsPerDay: doseNumber('Sessions per day'),
  daysOfWeek: z
    .array(weekday, { error: 'Choose at least one day of the week.' })
    .min(1, 'Choose at least one day of the week.')
    .max(7)
    .transform((days) => [...new Set(days)].sort((a, b) => a - b) as (1 | 2 | 3 | 4 | 5 | 6 | 7)[]),
  holdSeconds: doseNumber('Hold time'),
  reps: doseNumber('Breaths or reps'),
  sets: doseNumber('Sets'),
  patientNote: optionalText(500, 'The note for the patient', { multiline: true }),
});

export type PlanItemInput = z.infer<typeof planItemSchema>;

const itemsSchema = z
  .array(planItemSchema)
  .min(1, 'Add at least one exercise.')
  .max(MAX_PLAN_ITEMS, `A plan holds at most ${MAX_PLAN_ITEMS} exercises.`)
  .refine(
    (items) => new Set(items.map((i) => i.exerciseId)).size === items.length,
    'Each exercise can appear only once in a plan.',
  );

/** Reasons keyed `${exerciseId}:${contraindicationCode}`. */
const acknowledgementsSchema = z
  .record(
    text({ label: 'The precaution', max: 80 }),
    text({ label: 'The reason', max: 500, multiline: true, tooLong: 'Reasons are at most 500 characters.' }),
  )
  .default({});

export const assignPlanSchema = z
  .object({
    templateId: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(uuidOf('template').nullable()),
    startDate: isoDate('start date', planDays),
    endDate: z
      .string()
      .optional()
      .transform((v) => v || null)
      .pipe(isoDate('end date', planDays).nullable()),
    items: itemsSchema,
    acknowledgements: acknowledgementsSchema,
  })
  .refine((v) => !v.endDate || v.endDate >= v.startDate, {
    path: ['endDate'],
    message: 'The end date cannot be before the start date.',
  });

export type AssignPlanInput = z.infer<typeof assignPlanSchema>;

export const adjustPlanSchema = z.object({
  effectiveDate: isoDate('date the change takes effect', planDays),
  reason: text({
    label: 'The reason',
    max: 500,
    multiline: true,
    required: 'Say why the plan is changing.',
    min: 3,
    tooLong: 'Reasons are at most 500 characters.',
  }),
  items: itemsSchema,
  acknowledgements: acknowledgementsSchema,
});

export type AdjustPlanInput = z.infer<typeof adjustPlanSchema>;

export const restoreVersionSchema = z.object({
  version: wholeNumber('Version', 1, 100_000),
  reason: text({
    label: 'The reason',
    max: 500,
    multiline: true,
    required: 'Say why you are going back to this version.',
    min: 3,
  }),
});

export const swapVariantSchema = z.object({
  position: wholeNumber('Position', 0, MAX_PLAN_ITEMS - 1),
  direction: z.enum(['easier', 'harder'], { error: 'Choose the easier or the harder variant.' }),
  reason: text({
    label: 'The reason',
    max: 500,
    multiline: true,
    required: 'Say why you are changing the exercise.',
    min: 3,
  }),
});

/**
 * Where a plan form shows an error: `items.0.holdSeconds` beside the dose, `ack.<exerciseId>:<code>`
 * beside a precaution's reason, as the editor names its fields; anything else by its first name.
 */
export function planFieldKey(path: readonly PropertyKey[]): string {
  const [first, ...rest] = path.map(String);
  if (first === 'acknowledgements' && rest.length) return `ack.${rest.join('.')}`;
  return [first, ...rest].join('.');
}

/**
 * Plan forms send items as `items.0.exerciseId`, `items.0.daysOfWeek` (repeated) and
 * acknowledgements as `ack.<exerciseId>:<code>`. This turns that into the nested shape above.
 */
export function planFormToObject(form: FormData): Record<string, unknown> {
  const items: Record<string, unknown>[] = [];
  const acknowledgements: Record<string, string> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, raw] of form.entries()) {
    if (typeof raw !== 'string') continue;
    const item = /^items\.(\d{1,2})\.(\w+)$/.exec(key);
    if (item) {
      const index = Number(item[1]);
      const field = item[2] as string;
      if (index >= MAX_PLAN_ITEMS * 2) continue;
      const target = (items[index] ??= {});
      if (field === 'daysOfWeek') {
        const days = (target.daysOfWeek as string[] | undefined) ?? [];
        days.push(raw);
        target.daysOfWeek = days;
      } else {
        target[field] = raw;
      }
      continue;
    }
    if (key.startsWith('ack.')) {
      if (raw.trim()) acknowledgements[key.slice(4)] = raw;
      continue;
    }
    if (!key.startsWith('$')) rest[key] = raw;
  }
  return { ...rest, items: items.filter(Boolean).map((i) => ({ daysOfWeek: [], ...i })), acknowledgements };
}
