/**
 * The session log the patient's phone sends to POST /p/log, defined once: the server's check,
 * the payload's type, and (from log-limits.ts) the limits and symptoms both are built from.
 * No `server-only`, but the phone imports this module as types only (`import type`): at run time
 * it loads log-limits.ts, so zod stays out of the patient's first load.
 */
import { z } from 'zod';
import { SYMPTOM_CODES } from '@/db/schema';
import { MAX_ITEMS, NOTE_MAX_LENGTH, NO_EXERCISE_DONE, PAIN_MAX, PAIN_MIN, painMissing } from './log-limits';
import { text } from '@/lib/validation/form';
import { redFlagsOf } from './red-flags';

export * from './log-limits';

const painMessage = (when: string) => `Pain ${when} must be a whole number from ${PAIN_MIN} to ${PAIN_MAX}.`;
const pain = (when: string) =>
  z
    .number({ error: painMessage(when) })
    .int(painMessage(when))
    .min(PAIN_MIN)
    .max(PAIN_MAX)
    .nullish()
    .transform((v) => v ?? null);
const exerciseIds = z.array(z.uuid({ error: 'Unknown exercise.' })).max(MAX_ITEMS, 'Too many exercises.');

const sessionLogObject = z.object({
  idempotencyKey: z.uuid({ error: 'Each log needs its own id (a UUID).' }),
  performedAt: z.iso.datetime({ offset: true, error: 'When the session happened is missing or not a date.' }),
  /** Exercises done in full. */
  itemsDone: exerciseIds,
  /** Exercises started but with a position or a set skipped (never also in itemsDone). */
  itemsPartial: exerciseIds.default([]),
  painBefore: pain('before'),
  painAfter: pain('after'),
  symptoms: z
    .array(z.enum(SYMPTOM_CODES, { error: 'Unknown symptom.' }))
    .max(SYMPTOM_CODES.length)
    .default([]),
  note: text({
    label: 'The note',
    max: NOTE_MAX_LENGTH,
    multiline: true,
    tooLong: `Notes are at most ${NOTE_MAX_LENGTH} characters.`,
  })
    .optional()
    .transform((v) => (v ? v : null)),
});

/**
 * A log's rules beyond its fields' shapes. Safety first: a log reporting a red flag (a symptom,
 * or a pain of 7 or more) is stored, and its alert raised, with a pain number or the exercises
 * left empty. Otherwise both pain numbers are needed, and at least one exercise done.
 */
export const sessionLogSchema = sessionLogObject.superRefine((log, ctx) => {
  if (redFlagsOf(log).length === 0) {
    if (log.painBefore === null) ctx.addIssue({ code: 'custom', path: ['painBefore'], message: painMissing('before') });
    if (log.painAfter === null) ctx.addIssue({ code: 'custom', path: ['painAfter'], message: painMissing('after') });
  }
  if (log.itemsDone.length === 0 && log.itemsPartial.length === 0 && redFlagsOf(log).length === 0) {
    ctx.addIssue({ code: 'custom', path: ['itemsDone'], message: NO_EXERCISE_DONE });
  }
  if (log.itemsPartial.some((id) => log.itemsDone.includes(id))) {
    ctx.addIssue({ code: 'custom', path: ['itemsPartial'], message: 'An exercise is either done in full or partly.' });
  }
});

/** What the phone sends, and keeps queued while it is offline. */
export type LogPayload = z.input<typeof sessionLogSchema>;
/** A log once checked: symptoms defaulted, the note trimmed or null. */
export type SessionLogInput = z.output<typeof sessionLogSchema>;
