import { z } from 'zod';

/** The paper sizes a print page offers; `@page` names them `A4` and `letter`. */
export const PAPER_SIZES = { a4: { label: 'A4', css: 'A4' }, letter: { label: 'US Letter', css: 'letter' } } as const;
export type PaperSize = keyof typeof PAPER_SIZES;

const paperSchema = z.enum(['a4', 'letter']);

/**
 * The paper in the address (`?paper=letter`), else the one usual where the clinic is: US Letter
 * in the Americas' timezones (the US, Canada, Mexico and most of Latin America use it), A4 elsewhere.
 */
export function paperFor(requested: unknown, clinicTimezone: string): PaperSize {
  const parsed = paperSchema.safeParse(requested);
  if (parsed.success) return parsed.data;
  return clinicTimezone.startsWith('America/') ? 'letter' : 'a4';
}

/** A CSS string literal that no text can break out of (`</style>`, quotes, backslashes are escaped). */
export function cssString(text: string): string {
  return `"${text.replace(/[^\p{L}\p{N} .,:;·()'’-]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;
}
