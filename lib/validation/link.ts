import { z } from 'zod';
import { text } from './form';

export const createLinkSchema = z.object({
  patientId: z.uuid({ error: 'That patient is not in your clinic.' }),
  label: text({
    label: 'The label',
    max: 80,
    required: 'Give the link a label, e.g. “Phone” or “Printed handout”.',
    tooLong: 'Labels are at most 80 characters.',
  }),
  expiresInDays: z
    .enum(['', '30', '90', '365'], { error: 'Choose when the link expires.' })
    .transform((v) => (v ? Number(v) : null)),
});
