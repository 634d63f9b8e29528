import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, rowsOf } from '@/db/client';
import type { Actor } from './auth/guard';
import { type FiguresRow, readThroughFigures, storedFiguresSql } from './figures';

export type AttentionReason = 'red_flag' | 'low_adherence' | 'inactive' | 'pain_rising';

export const ATTENTION_LABELS: Record<AttentionReason, string> = {
  red_flag: 'Open red flag',
  low_adherence: 'Adherence under 50 % this week',
  inactive: 'No session for 3+ days',
  pain_rising: 'Pain after sessions up 2+ points',
};

export type DashboardRow = FiguresRow & {
  painChange: number | null;
  reasons: AttentionReason[];
};

/**
 * The figures of each row of `base` (stored figures, as lib/figures.ts reads them) with the
 * adherence ratios, pain change and who needs attention, by the rules in the adherence issue:
 * an open red flag; under 50 % over 7 days; no session for 3+ days while one was prescribed
 * (or never a session with 3+ prescribed days missed); pain after sessions up 2+ points.
 */
export function withAttention(base: SQL): SQL {
  return sql`
    select b.*,
           case when b."prescribed7" > 0 then b."completed7"::float8 / b."prescribed7" end as "adherence7",
           case when b."prescribed28" > 0 then b."completed28"::float8 / b."prescribed28" end as "adherence28",
           (b.today::date - b."lastSessionDay"::date) as "daysSinceLastSession",
           round((b."painAfter7" - b."painAfterPrevious7")::numeric, 2)::float8 as "painChange",
           array_remove(array[
             case when b."openRedFlags" > 0 then 'red_flag' end,
             case when b."prescribed7" > 0 and b."completed7"::float8 / b."prescribed7" < 0.5 then 'low_adherence' end,
             case when (b."lastSessionDay" is null and b."missedPrescribedDays" >= 3)
                    or (b.today::date - b."lastSessionDay"::date >= 3 and b."missedPrescribedDays" > 0) then 'inactive' end,
             case when b."painAfter7" - b."painAfterPrevious7" >= 2 then 'pain_rising' end
           ], null) as reasons
    from (${base}) b
  `;
}

export const DASHBOARD_SORTS = ['name', 'adherence7', 'adherence28', 'last_session', 'pain', 'alerts'] as const;

export const dashboardQuerySchema = z.object({
  scope: z.enum(['clinic', 'mine']).catch('clinic').default('clinic'),
  /** The roster table: every active patient, or only those needing attention. */
  show: z.enum(['all', 'attention']).catch('all').default('all'),
  sort: z.enum(DASHBOARD_SORTS).catch('adherence7').default('adherence7'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const SORT_COLUMNS: Record<(typeof DASHBOARD_SORTS)[number], string> = {
  name: 'lower(r.name)',
  adherence7: 'r."adherence7"',
  adherence28: 'r."adherence28"',
  last_session: 'r."lastSessionDay"',
  pain: 'r."painChange"',
  alerts: 'r."openRedFlags"',
};

type DashboardData = {
  figures: { activePatients: number; medianAdherence7: number | null; needingAttention: number };
  /** The most urgent first: open red flags, then the most reasons, then by name. */
  attention: DashboardRow[];
  total: number;
  rows: DashboardRow[];
  pageSize: number;
};

/**
 * Who needs the practitioner today, and the roster's page: one query over the stored figures,
 * sorted and paged in SQL (nulls last either way), so a 2,000-patient clinic sends the server
 * the page it shows rather than every patient.
 */
export async function dashboard(actor: Actor, query: DashboardQuery, pageSize = 25, attentionLimit = 8): Promise<DashboardData> {
  const scope = { practitionerId: query.scope === 'mine' ? actor.userId : null };
  const now = new Date();
  const order = sql.raw(`${SORT_COLUMNS[query.sort]} ${query.dir} nulls last, lower(r.name), r."patientId"`);
  const listed = query.show === 'attention' ? sql`where cardinality(r.reasons) > 0` : sql``;
  const read = async () => {
    const result = await db().execute(sql`
      with r as (${withAttention(storedFiguresSql(actor.clinicId, scope, now.toISOString()))})
      select
        (select json_build_object(
                  'activePatients', count(*),
                  'medianAdherence7', percentile_cont(0.5) within group (order by r."adherence7"),
                  'needingAttention', count(*) filter (where cardinality(r.reasons) > 0))
         from r) as figures,
        (select coalesce(json_agg(a), '[]') from (
           select * from r where cardinality(r.reasons) > 0
           order by r."openRedFlags" > 0 desc, cardinality(r.reasons) desc, lower(r.name), r."patientId"
           limit ${attentionLimit}) a) as attention,
        (select count(*)::int from r ${listed}) as total,
        (select coalesce(json_agg(pg), '[]') from (
           select * from r ${listed} order by ${order}
           limit ${pageSize} offset ${(query.page - 1) * pageSize}) pg) as rows,
        (select coalesce(array_agg(r."patientId"::text), '{}') from r where not r.fresh) as stale
    `);
    const [{ stale, ...value }] = rowsOf<Omit<DashboardData, 'pageSize'> & { stale: string[] }>(result) as [Omit<DashboardData, 'pageSize'> & { stale: string[] }];
    return { value, stale };
  };
  const row = await readThroughFigures(actor.clinicId, now, read);
  return { ...row, pageSize };
}
