import { z } from 'zod';
import { isTimeZone } from '@/lib/dates';
import { currentTimezoneName } from '@/lib/timezones';

// A retired spelling (Asia/Calcutta) is still accepted, and saved under its current name.
export const timezone = z
  .string()
  .trim()
  .refine(isTimeZone, 'Use an IANA timezone such as Europe/London or America/New_York.')
  .transform(currentTimezoneName);

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
