import { z } from 'zod';
import { PROVIDER_DISCIPLINES, type ProviderDiscipline } from '@/db/schema';
import { optionalText, searchText, text } from '@/lib/validation/form';

/** Each discipline in the clinic's words, in the order pickers list them. */
export const PROVIDER_DISCIPLINE_LABELS: Record<ProviderDiscipline, string> = {
  physician: 'Physician / GP',
  physical_therapist: 'Physical therapist / physiotherapist',
  chiropractor: 'Chiropractor',
  osteopath: 'Osteopath',
  massage_therapist: 'Massage therapist',
  other: 'Other (imaging, specialist clinic…)',
};

/** Words people type in a spreadsheet for a discipline, besides its code and label. */
const DISCIPLINE_WORDS: Record<string, ProviderDiscipline> = {
  gp: 'physician',
  doctor: 'physician',
  'family doctor': 'physician',
  physiotherapist: 'physical_therapist',
  physio: 'physical_therapist',
  'physical therapy': 'physical_therapist',
  pt: 'physical_therapist',
  chiropractic: 'chiropractor',
  chiro: 'chiropractor',
  osteopathy: 'osteopath',
  massage: 'massage_therapist',
  'sports massage': 'massage_therapist',
};

const squash = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** A discipline from its code, its label or a common word for it; null when none fits. */
export function disciplineFrom(value: string): ProviderDiscipline | null {
  const typed = squash(value);
  if (!typed) return null;
  for (const code of PROVIDER_DISCIPLINES) {
    if (squash(code) === typed || squash(PROVIDER_DISCIPLINE_LABELS[code]) === typed) return code;
  }
  return DISCIPLINE_WORDS[typed] ?? null;
}

/** "English, spanish , English" → ["English", "spanish"]: trimmed, each once whatever its case. */
function commaList(value: string, lowerCase: boolean): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of value.split(',')) {
    const item = lowerCase ? part.trim().toLowerCase() : part.trim();
    if (!item || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  return out;
}

const listField = (label: string, lowerCase: boolean) =>
  text({ label, max: 30 * 52, tooLong: `${label}: at most 30, each at most 50 characters.` })
    .optional()
    .transform((v) => commaList(v ?? '', lowerCase))
    .refine((items) => items.length <= 30, `${label}: at most 30.`)
    .refine((items) => items.every((i) => i.length <= 50), `${label}: each at most 50 characters.`);

const PHONE = /^[0-9+()\-\s]{3,40}$/;

/** A yes/no as a form's select or a spreadsheet writes it; blank is yes (the column's default). */
export const yesNo = text({ label: 'The answer', max: 20 })
  .optional()
  .transform((v, ctx) => {
    const typed = (v ?? '').trim().toLowerCase();
    if (['', 'yes', 'y', 'true', '1'].includes(typed)) return true;
    if (['no', 'n', 'false', '0'].includes(typed)) return false;
    ctx.addIssue({ code: 'custom', message: 'Answer yes or no.' });
    return z.NEVER;
  });

/** A provider as an admin types it, in the form or in a CSV row. Every field arrives as text. */
export const providerSchema = z.object({
  name: text({
    label: 'The name',
    max: 200,
    required: 'Enter the provider’s name.',
    tooLong: 'Names are at most 200 characters.',
  }),
  discipline: text({ label: 'The discipline', max: 100, required: 'Choose a discipline.' }).transform((v, ctx) => {
    const code = disciplineFrom(v);
    if (code) return code;
    ctx.addIssue({
      code: 'custom',
      message: v.trim()
        ? `Unknown discipline “${v.trim().slice(0, 40)}”: use one of ${PROVIDER_DISCIPLINES.join(', ')}.`
        : 'Choose a discipline.',
    });
    return z.NEVER;
  }),
  organisation: optionalText(200, 'Organisation'),
  address: optionalText(500, 'Address', { multiline: true }),
  phone: optionalText(40, 'Phone').refine(
    (v) => v === null || (PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 3),
    'Use digits, spaces and + ( ) - only.',
  ),
  email: text({ label: 'The email address', max: 320, tooLong: 'That email address is too long.' })
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null))
    .pipe(z.email({ error: 'Enter a valid email address, or leave it blank.' }).nullable()),
  website: optionalText(500, 'Website').refine((v) => v === null || isWebAddress(v), {
    message: 'Enter a web address starting with https:// (or http://), or leave it blank.',
  }),
  languages: listField('Languages', false),
  tags: listField('Tags', true),
  acceptingNewPatients: yesNo,
  openingHours: optionalText(500, 'Opening hours', { multiline: true }),
  internalNotes: optionalText(2000, 'Internal notes', { multiline: true }),
});

export type ProviderInput = z.output<typeof providerSchema>;
/** The fields of a provider as text, as a form or a CSV row has them. */
export type ProviderFields = Record<keyof z.input<typeof providerSchema>, string>;

/** Only http(s) with a host: javascript:, data:, file: and the like never become a link. */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export const DIRECTORY_SORTS = ['name', 'discipline', 'organisation', 'updated'] as const;
export const DIRECTORY_PAGE_SIZES = [10, 25, 50, 100] as const;

/** The directory's state as it travels in the URL. Anything unexpected falls back to the default. */
export const directoryQuerySchema = z.object({
  q: searchText(100),
  discipline: z
    .union([z.enum(PROVIDER_DISCIPLINES), z.literal('')])
    .catch('')
    .default(''),
  accepting: z.enum(['yes', 'no', '']).catch('').default(''),
  language: searchText(50),
  tag: searchText(50).transform((v) => v.toLowerCase()),
  archived: z
    .enum(['1', ''])
    .catch('')
    .default('')
    .transform((v) => v === '1'),
  sort: z.enum(DIRECTORY_SORTS).catch('name').default('name'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  size: z.coerce
    .number()
    .refine((n) => (DIRECTORY_PAGE_SIZES as readonly number[]).includes(n))
    .catch(25)
    .default(25),
});

export type DirectoryQuery = z.output<typeof directoryQuerySchema>;

export function parseDirectoryQuery(params: Record<string, string | string[] | undefined>): DirectoryQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return directoryQuerySchema.parse(flat);
}

export const providerIdSchema = z.object({ providerId: z.uuid({ error: 'Unknown provider.' }) });
