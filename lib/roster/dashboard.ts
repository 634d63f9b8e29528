import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { db, rowsOf } from '@/db/client';
import type { Actor } from '@/lib/auth/guard';
import type { AttentionReason } from '@/lib/adherence/attention';
import { type FiguresRow, figureKeysSql, readThroughFigures, storedFiguresSql } from '@/lib/adherence/figures';

export type { AttentionReason };

export const ATTENTION_LABELS: Record<AttentionReason, string> = {
  red_flag: 'Open red flag',
  low_adherence: 'Adherence under 50 % this week',
  inactive: 'No session for 3+ days',
  pain_rising: 'Pain after sessions up 2+ points',
};

export type DashboardRow = FiguresRow;

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
  name: 'r."sortName"',
  adherence7: 'r."adherence7"',
  adherence28: 'r."adherence28"',
  last_session: 'r."lastSessionDay"',
  pain: 'r."painChange"',
  alerts: 'r."openRedFlags"',
};

type DashboardData = {
  figures: { activePatients: number; medianAdherence7: number | null; needingAttention: number };
  /** The most severe first (lib/alerts/severity.ts), then the longest waiting, then by name. */
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
export async function dashboard(
  actor: Actor,
  query: DashboardQuery,
  pageSize = 25,
  attentionLimit = 8,
): Promise<DashboardData> {
  const scope = { practitionerId: query.scope === 'mine' ? actor.userId : null };
  const now = new Date();
  const order = sql.raw(`${SORT_COLUMNS[query.sort]} ${query.dir} nulls last, r."sortName", r."patientId"`);
  // The most severe first; within a severity, whoever's open alert has waited longest, then the
  // most reasons, then by name.
  const urgency = sql`r.severity nulls last, r."openAlertSince" nulls last, cardinality(r.reasons) desc, r."sortName", r."patientId"`;
  const listed = query.show === 'attention' ? sql`where cardinality(r.reasons) > 0` : sql``;
  const read = async () => {
    // The whole roster narrow (sort keys, flags, freshness) for the figures, the order and the
    // pages; the wide rows (names, trends, pain) only for the few patients the page shows.
    const result = await db().execute(sql`
      with r as materialized (${figureKeysSql(actor.clinicId, scope, now.toISOString())}),
      attention as (
        select r."patientId", row_number() over (order by ${urgency}) as n
        from (select * from r where cardinality(r.reasons) > 0 order by ${urgency} limit ${attentionLimit}) r),
      page as (
        select r."patientId", row_number() over (order by ${order}) as n
        from (select * from r ${listed} order by ${order} limit ${pageSize} offset ${(query.page - 1) * pageSize}) r),
      shown as (${storedFiguresSql(actor.clinicId, { patientIdsIn: sql`select "patientId" from attention union select "patientId" from page` }, now.toISOString())})
      select
        (select json_build_object(
                  'activePatients', count(*),
                  'medianAdherence7', percentile_cont(0.5) within group (order by r."adherence7"),
                  'needingAttention', count(*) filter (where cardinality(r.reasons) > 0))
         from r) as figures,
        (select coalesce(json_agg(s order by a.n), '[]') from attention a join shown s on s."patientId" = a."patientId") as attention,
        (select count(*)::int from r ${listed}) as total,
        (select coalesce(json_agg(s order by g.n), '[]') from page g join shown s on s."patientId" = g."patientId") as rows,
        (select coalesce(array_agg(r."patientId"::text), '{}') from r where not r.fresh) as stale
    `);
    const [{ stale, ...value }] = rowsOf<Omit<DashboardData, 'pageSize'> & { stale: string[] }>(result) as [
      Omit<DashboardData, 'pageSize'> & { stale: string[] },
    ];
    return { value, stale };
  };
  const row = await readThroughFigures(actor.clinicId, now, read);
  return { ...row, pageSize };
}
