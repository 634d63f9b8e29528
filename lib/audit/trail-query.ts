import { z } from 'zod';
import { AUDIT_ACTIONS } from './action-names';

export const AUDIT_PAGE_SIZES = [25, 50, 100] as const;

/** The earliest and latest days a filter may name: before the app existed, or past any clinic's today. */
export const AUDIT_EARLIEST_DAY = '2000-01-01';
export const AUDIT_LATEST_DAY = '2100-12-31';

const day = (label: string) =>
  z
    .union([z.literal(''), z.iso.date({ error: `Enter the ${label} day as a date.` })])
    .refine((d) => d === '' || (d >= AUDIT_EARLIEST_DAY && d <= AUDIT_LATEST_DAY), {
      error: `The ${label} day must fall between 2000 and 2100.`,
    })
    .default('');

const optionalId = z
  .union([z.literal(''), z.uuid()])
  .catch('')
  .default('');

/**
 * The viewer's filters, from the URL: ids that are not ids and unknown actions are dropped (they
 * can match nothing); a bad date is a field error, so the person sees why nothing was filtered.
 */
export const auditQuerySchema = z
  .object({
    patient: optionalId,
    actor: optionalId,
    action: z
      .union([z.enum(AUDIT_ACTIONS), z.literal('')])
      .catch('')
      .default(''),
    from: day('first'),
    to: day('last'),
    dir: z.enum(['asc', 'desc']).catch('desc').default('desc'),
    page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
    size: z.coerce
      .number()
      .refine((n) => (AUDIT_PAGE_SIZES as readonly number[]).includes(n))
      .catch(25)
      .default(25),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ['to'],
    error: 'The last day cannot come before the first.',
  });

export type AuditQuery = z.output<typeof auditQuerySchema>;

export type ParsedAuditQuery = { query: AuditQuery; fieldErrors: Partial<Record<'from' | 'to', string[]>> };

const DEFAULTS: AuditQuery = auditQuerySchema.parse({});

/** The query in the URL, with the dates dropped (and their errors kept) when they do not parse. */
export function parseAuditQuery(params: Record<string, string | string[] | undefined>): ParsedAuditQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = auditQuerySchema.safeParse(flat);
  if (parsed.success) return { query: parsed.data, fieldErrors: {} };
  const fieldErrors = z.flattenError(parsed.error).fieldErrors as ParsedAuditQuery['fieldErrors'];
  const rest = auditQuerySchema.safeParse({ ...flat, from: '', to: '' });
  return { query: rest.success ? rest.data : DEFAULTS, fieldErrors };
}
