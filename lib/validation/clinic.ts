import { z } from 'zod';
import { currentTimezoneName, isKnownTimezone } from '@/lib/timezones';
import { optionalText, text } from './form';

// A retired spelling (Asia/Calcutta) is still accepted, and saved under its current name.
export const timezone = text({ label: 'The timezone', max: 64 })
  .refine(isKnownTimezone, 'Use an IANA timezone such as Europe/London or America/New_York.')
  .transform(currentTimezoneName);

export const clinicSchema = z.object({
  name: text({
    label: 'The clinic name',
    max: 200,
    required: 'Enter the clinic name.',
    tooLong: 'Clinic names are at most 200 characters.',
  }),
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

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAY_KEYS = [1, 2, 3, 4, 5, 6, 7] as const;
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const timeOfDay = text({ label: 'The time', max: 20 })
  .optional()
  .transform((v) => v ?? '')
  .refine((v) => v === '' || TIME.test(v), 'Use a time such as 08:30 (24-hour).');

const hoursFields = Object.fromEntries(
  WEEKDAY_KEYS.flatMap((d) => [
    [`opens${d}`, timeOfDay],
    [`closes${d}`, timeOfDay],
  ]),
) as Record<`opens${(typeof WEEKDAY_KEYS)[number]}` | `closes${(typeof WEEKDAY_KEYS)[number]}`, typeof timeOfDay>;

/** A phone number as people write it: digits, spaces, brackets, dashes, an optional leading +. */
const phone = text({ label: 'The phone number', max: 40, tooLong: 'Phone numbers are at most 40 characters.' })
  .refine((v) => v === '' || /^\+?[\d\s().-]{6,}$/.test(v), 'Use digits, spaces and an optional leading +.')
  .optional()
  .transform((v) => (v ? v : null));

/**
 * The clinic's settings form (/settings/clinic). Opening hours come as one opens/closes pair per
 * weekday (both empty: closed that day) and leave as the stored list of periods.
 */
export const clinicSettingsSchema = z
  .object({
    name: clinicSchema.shape.name,
    timezone,
    phone,
    email: text({ label: 'The email address', max: 200 })
      .refine((v) => v === '' || z.email().safeParse(v).success, 'Enter an email address such as front@clinic.example.')
      .optional()
      .transform((v) => (v ? v : null)),
    address: optionalText(300, 'The address', { multiline: true }),
    emergencyNumber: text({ label: 'The emergency number', max: 20 })
      .refine((v) => v === '' || /^\d{2,6}$/.test(v), 'An emergency number is 2 to 6 digits, such as 911, 112 or 999.')
      .optional()
      .transform((v) => (v ? v : null)),
    closedAdvice: optionalText(300, 'What to do when the clinic is closed', { multiline: true }),
    handoutFooter: optionalText(300, 'The handout footer', { multiline: true }),
    ...hoursFields,
  })
  .superRefine((v, ctx) => {
    for (const d of WEEKDAY_KEYS) {
      const opens = v[`opens${d}`];
      const closes = v[`closes${d}`];
      const day = DAY_NAMES[d - 1];
      if ((opens === '') !== (closes === ''))
        ctx.addIssue({
          code: 'custom',
          path: [opens === '' ? `opens${d}` : `closes${d}`],
          message: `Give both times for ${day}, or neither if the clinic is closed.`,
        });
      else if (opens !== '' && opens >= closes)
        ctx.addIssue({ code: 'custom', path: [`closes${d}`], message: `${day} must close after it opens.` });
    }
  })
  .transform(
    ({ name, timezone: tz, phone: p, email, address, emergencyNumber, closedAdvice, handoutFooter, ...h }) => ({
      name,
      timezone: tz,
      phone: p,
      email,
      address,
      emergencyNumber,
      closedAdvice,
      handoutFooter,
      openingHours: WEEKDAY_KEYS.filter((d) => h[`opens${d}`] !== '').map((day) => ({
        day,
        opens: h[`opens${day}`],
        closes: h[`closes${day}`],
      })),
    }),
  );

export type ClinicSettingsInput = z.output<typeof clinicSettingsSchema>;
