import { z } from 'zod';
import { todayIn } from '@/lib/dates';
import { timezone } from './clinic';
import { optionalText, searchText, text, wholeNumber } from './form';

const currentYear = () => Number(todayIn('UTC').slice(0, 4));

export const patientSchema = z.object({
  name: text({
    label: 'The name',
    max: 200,
    required: 'Enter the patient’s name.',
    tooLong: 'Names are at most 200 characters.',
  }),
  birthYear: z.preprocess(
    (v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v),
    wholeNumber('Birth year', 1900, currentYear()).nullable(),
  ),
  email: text({ label: 'The email address', max: 320, tooLong: 'That email address is too long.' })
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null))
    .pipe(z.email({ error: 'Enter a valid email address, or leave it blank.' }).nullable()),
  phone: optionalText(40, 'Phone').refine(
    (v) => v === null || /^[0-9+()\-.\s]{3,40}$/.test(v),
    'Use digits, spaces and + ( ) - only.',
  ),
  timezone,
  primaryPractitionerId: text({ label: 'The practitioner', max: 64 })
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.uuid({ error: 'Choose a practitioner from the list.' }).nullable()),
  notes: optionalText(5000, 'Notes', { multiline: true }),
});

export type PatientInput = z.infer<typeof patientSchema>;

export const ROSTER_SORTS = ['name', 'created', 'last_session', 'adherence7', 'adherence28', 'pain', 'alerts'] as const;
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** The roster's state as it travels in the URL. Anything unexpected falls back to the default. */
export const rosterQuerySchema = z.object({
  q: searchText(100),
  status: z.enum(['active', 'discharged', 'all']).catch('active').default('active'),
  practitioner: z
    .union([z.literal('me'), z.literal(''), z.uuid()])
    .catch('')
    .default(''),
  sort: z.enum(ROSTER_SORTS).catch('name').default('name'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  size: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(25)
    .default(25),
});

export type RosterQuery = z.infer<typeof rosterQuerySchema>;

export function parseRosterQuery(params: Record<string, string | string[] | undefined>): RosterQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return rosterQuerySchema.parse(flat);
}
