import { z } from 'zod';
import { uuidOf } from './form';

const signature = z.string().regex(/^[0-9a-f]{32}$/, 'That suggestion is unknown.');

/** Apply the suggestion the page showed (its signature): a new plan version, its reason the suggestion. */
export const applySuggestionSchema = z.object({ patientId: uuidOf('patient'), signature });

/** Dismiss it, saying why; it stays hidden until the figures behind it change. */
export const dismissSuggestionSchema = z.object({
  patientId: uuidOf('patient'),
  signature,
  note: z
    .string({ error: 'Say why you are dismissing it.' })
    .trim()
    .min(3, 'Say why you are dismissing it.')
    .max(500, 'At most 500 characters.'),
});
