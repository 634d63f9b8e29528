import { z } from 'zod';
import { PAPERS } from '@/db/schema';
import { uuidOf } from './form';

/**
 * A practitioner printing a handout: which version the page showed, on which paper, and the QR
 * code's link: a new one, a new one replacing the printed ones still live, the one this page
 * already issued (printing again), or none.
 */
export const printHandoutSchema = z
  .object({
    patientId: uuidOf('patient'),
    planVersionId: uuidOf('plan version'),
    paper: z.enum(PAPERS, { error: 'Choose A4 or US Letter.' }),
    link: z.enum(['new', 'replace', 'reuse', 'none'], { error: 'Choose whether the handout carries a QR code.' }),
    linkId: z
      .uuid({ error: 'That printed link is unknown.' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
  })
  .refine((v) => v.link !== 'reuse' || v.linkId, { path: ['linkId'], message: 'That printed link is unknown.' });
export type PrintHandoutInput = z.output<typeof printHandoutSchema>;
