import { z } from 'zod';

export const createLinkSchema = z.object({
  patientId: z.uuid({ error: 'That patient is not in your clinic.' }),
  label: z
    .string()
    .trim()
    .min(1, 'Give the link a label, e.g. “Phone” or “Printed handout”.')
    .max(80, 'Labels are at most 80 characters.'),
  expiresInDays: z
    .enum(['', '30', '90', '365'], { error: 'Choose when the link expires.' })
    .transform((v) => (v ? Number(v) : null)),
});
