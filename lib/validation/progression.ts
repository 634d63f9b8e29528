import { z } from 'zod';
import { text, uuidOf } from './form';

const signature = z
  .string({ error: 'That suggestion is unknown.' })
  .regex(/^[0-9a-f]{32}$/, 'That suggestion is unknown.');

/** Apply the suggestion the page showed (its signature): a new plan version, its reason the suggestion. */
export const applySuggestionSchema = z.object({ patientId: uuidOf('patient'), signature });

/** Dismiss it, saying why; it stays hidden until the figures behind it change. */
export const dismissSuggestionSchema = z.object({
  patientId: uuidOf('patient'),
  signature,
  note: text({
    label: 'The note',
    max: 500,
    multiline: true,
    required: 'Say why you are dismissing it.',
    min: 3,
    tooLong: 'At most 500 characters.',
  }),
});
