import { z } from 'zod';
import { formatDay, todayIn } from '@/lib/dates';
import type { DayRangeFrom } from './date-ranges';

/*
 * Text from anyone (a form, a query string, the phone's JSON, a CSV cell) passes through `text`:
 * PostgreSQL cannot store NUL (a 500 that used to carry the SQL parameters into the log), and
 * the other control characters (ANSI escapes among them) have no place in a clinic's records.
 * A multiline field keeps its line breaks and tabs.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_BUT_LAYOUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|\r(?!\n)/;

/** Whether `value` holds a character no text field of ours takes (line breaks and tabs only where `multiline`). */
export function hasControlCharacters(value: string, multiline = false): boolean {
  return (multiline ? CONTROL_BUT_LAYOUT : CONTROL).test(value);
}

export const controlCharactersMessage = (label: string) => `${label} contains characters that can't be saved.`;

type TextOptions = {
  /** Names the field in messages: "Notes", "The address". */
  label: string;
  max: number;
  /** Keeps line breaks and tabs, for a textarea. */
  multiline?: boolean;
  /** The message when the field is missing, blank or under `min`; a required field has one. */
  required?: string;
  /** The fewest characters a required field takes (1 unless given). */
  min?: number;
  /** The message past `max`; by default "<label> is at most <max> characters.". */
  tooLong?: string;
};

/** A text field, trimmed, refused with a message when it holds control characters or runs past `max`. */
export const text = ({ label, max, multiline = false, required, min = 1, tooLong }: TextOptions) => {
  const base = z
    .string({ error: required ?? `${label} is missing.` })
    .trim()
    .refine((v) => !hasControlCharacters(v, multiline), controlCharactersMessage(label))
    .refine((v) => v.length <= max, tooLong ?? `${label} is at most ${max} characters.`);
  return required ? base.refine((v) => v.length >= min, required) : base;
};

/** An optional text field from a form: blank means "not given". */
export const optionalText = (max: number, label: string, { multiline = false }: { multiline?: boolean } = {}) =>
  text({ label, max, multiline })
    .optional()
    .transform((v) => (v ? v : null));

/**
 * A search box's text as it travels in the URL: anything it cannot hold (too long, control
 * characters) searches for nothing rather than failing the page.
 */
export const searchText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !hasControlCharacters(v))
    .catch('')
    .default('');

/** Whole numbers from FormData (which sends strings), with a message for each way to get it wrong. */
export const wholeNumber = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label} must be a number.` })
    .refine(Number.isFinite, `${label} must be a number.`)
    .refine(Number.isInteger, `${label} must be a whole number.`)
    .refine((n) => n >= min, `${label} must be at least ${min}.`)
    .refine((n) => n <= max, `${label} must be at most ${max}.`);

/** A real calendar day as YYYY-MM-DD. */
const REAL_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (v: string) =>
  REAL_DAY.test(v) &&
  !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
  new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);

/**
 * A calendar day from a form, within `range` (the days a field may name, worked out from today's
 * date in UTC when the form is parsed; see ./date-ranges). Year 0000 or 9999 is a field message,
 * not a database error.
 */
export const isoDate = (label: string, range: DayRangeFrom) =>
  z.string({ error: `Enter the ${label}.` }).superRefine((v, ctx) => {
    if (!REAL_DAY.test(v)) return ctx.addIssue({ code: 'custom', message: `Enter the ${label} as a date.` });
    if (!isRealDay(v)) return ctx.addIssue({ code: 'custom', message: `Enter a real ${label}.` });
    const { earliest, latest } = range(todayIn('UTC'));
    if (v < earliest || v > latest) {
      ctx.addIssue({
        code: 'custom',
        message: `The ${label} must be between ${formatDay(earliest)} and ${formatDay(latest)}.`,
      });
    }
  });

export const uuidOf = (what: string) => z.uuid({ error: `Unknown ${what}.` });
