import { z } from 'zod';

export const timezone = z
  .string()
  .trim()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Use an IANA timezone such as Europe/London or America/New_York.');

export const clinicSchema = z.object({
  name: z.string().trim().min(1, 'Enter the clinic name.').max(200, 'Clinic names are at most 200 characters.'),
  timezone,
});

export function slugify(name: string): string {
  const base = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48);
  return base || 'clinic';
}
