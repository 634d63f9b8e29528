import { z } from 'zod';

/** An optional text field from a form: blank means "not given". */
export const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : null));

/** Whole numbers from FormData (which sends strings), with a message for each way to get it wrong. */
export const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .refine(Number.isFinite, `${label} must be a number.`)
    .refine(Number.isInteger, `${label} must be a whole number.`)
    .refine((n) => n >= min, `${label} must be at least ${min}.`)
    .refine((n) => n <= max, `${label} must be at most ${max}.`);

export const isoDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter the ${label} as a date.`)
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      `Enter a real ${label}.`,
    );

export const uuidOf = (what: string) => z.uuid({ error: `Unknown ${what}.` });
