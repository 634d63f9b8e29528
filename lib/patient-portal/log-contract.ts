/**
 * The session log the patient's phone sends to POST /p/log, defined once: the server's check,
 * the payload's type, and (from log-limits.ts) the limits and symptoms both are built from.
 * No `server-only`, but the phone imports this module as types only (`import type`): at run time
 * it loads log-limits.ts, so zod stays out of the patient's first load.
 */
import { z } from 'zod';
import { SYMPTOM_CODES } from '@/db/schema';
import { MAX_ITEMS, NOTE_MAX_LENGTH, PAIN_MAX, PAIN_MIN } from './log-limits';

export * from './log-limits';

const painMessage = (when: string) => `Pain ${when} must be a whole number from ${PAIN_MIN} to ${PAIN_MAX}.`;
const pain = (when: string) =>
  z
    .number({ error: painMessage(when) })
    .int(painMessage(when))
    .min(PAIN_MIN)
    .max(PAIN_MAX);

export const sessionLogSchema = z.object({
  idempotencyKey: z.uuid({ error: 'Each log needs its own id (a UUID).' }),
  performedAt: z.iso.datetime({ offset: true, error: 'When the session happened is missing or not a date.' }),
  itemsDone: z.array(z.uuid({ error: 'Unknown exercise.' })).max(MAX_ITEMS, 'Too many exercises.'),
  painBefore: pain('before'),
  painAfter: pain('after'),
  symptoms: z
    .array(z.enum(SYMPTOM_CODES, { error: 'Unknown symptom.' }))
    .max(SYMPTOM_CODES.length)
    .default([]),
  note: z
    .string()
    .max(NOTE_MAX_LENGTH, `Notes are at most ${NOTE_MAX_LENGTH} characters.`)
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null)),
});

/** What the phone sends, and keeps queued while it is offline. */
export type LogPayload = z.input<typeof sessionLogSchema>;
/** A log once checked: symptoms defaulted, the note trimmed or null. */
export type SessionLogInput = z.output<typeof sessionLogSchema>;
