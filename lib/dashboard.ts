import 'server-only';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { patients, users } from '@/db/schema';
import { adherenceByPatient, type AdherenceRow } from './adherence';
import type { Actor } from './auth/guard';

export type AttentionReason = 'red_flag' | 'low_adherence' | 'inactive' | 'pain_rising';

export const ATTENTION_LABELS: Record<AttentionReason, string> = {
  red_flag: 'Open red flag',
  low_adherence: 'Adherence under 50 % this week',
  inactive: 'No session for 3+ days',
  pain_rising: 'Pain after sessions up 2+ points',
};

export type DashboardRow = AdherenceRow & {
  name: string;
  practitionerName: string | null;
  timezone: string;
  painChange: number | null;
  reasons: AttentionReason[];
};

/** Who needs the practitioner today, by the rules in the adherence issue. */
export function attentionReasons(r: AdherenceRow): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  if (r.openRedFlags > 0) reasons.push('red_flag');
  if (r.adherence7 !== null && r.adherence7 < 0.5) reasons.push('low_adherence');
  const idle = r.daysSinceLastSession === null ? r.missedPrescribedDays >= 3 : r.daysSinceLastSession >= 3 && r.missedPrescribedDays > 0;
  if (idle) reasons.push('inactive');
  if (r.painAfter7 !== null && r.painAfterPrevious7 !== null && r.painAfter7 - r.painAfterPrevious7 >= 2) reasons.push('pain_rising');
  return reasons;
}

export const DASHBOARD_SORTS = ['name', 'adherence7', 'adherence28', 'last_session', 'pain', 'alerts'] as const;

export const dashboardQuerySchema = z.object({
  scope: z.enum(['clinic', 'mine']).catch('clinic').default('clinic'),
  sort: z.enum(DASHBOARD_SORTS).catch('adherence7').default('adherence7'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const median = (values: number[]) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function dashboard(actor: Actor, query: DashboardQuery, pageSize = 25) {
  const practitionerId = query.scope === 'mine' ? actor.userId : null;
  const [rows, people] = await Promise.all([
    adherenceByPatient(actor.clinicId, { practitionerId }),
    db()
      .select({ id: patients.id, name: patients.name, timezone: patients.timezone, practitionerName: users.name })
      .from(patients)
      .leftJoin(users, eq(users.id, patients.primaryPractitionerId))
      .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.status, 'active'))),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const all: DashboardRow[] = rows.map((r) => {
    const p = byId.get(r.patientId);
    return {
      ...r,
      name: p?.name ?? '',
      timezone: p?.timezone ?? 'UTC',
      practitionerName: p?.practitionerName ?? null,
      painChange: r.painAfter7 !== null && r.painAfterPrevious7 !== null ? Number((r.painAfter7 - r.painAfterPrevious7).toFixed(2)) : null,
      reasons: attentionReasons(r),
    };
  });
  const attention = all
    .filter((r) => r.reasons.length)
    .sort((a, b) => Number(b.reasons.includes('red_flag')) - Number(a.reasons.includes('red_flag')) || b.reasons.length - a.reasons.length || a.name.localeCompare(b.name));

  // Sorting happens on the server over the whole scope: nulls last whichever way.
  const key: Record<(typeof DASHBOARD_SORTS)[number], (r: DashboardRow) => number | string | null> = {
    name: (r) => r.name.toLowerCase(),
    adherence7: (r) => r.adherence7,
    adherence28: (r) => r.adherence28,
    last_session: (r) => r.lastSessionDay,
    pain: (r) => r.painChange,
    alerts: (r) => r.openRedFlags,
  };
  const get = key[query.sort];
  const sign = query.dir === 'asc' ? 1 : -1;
  const sorted = [...all].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === null && y === null) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.name.localeCompare(b.name);
  });
  const withPlan = all.filter((r) => r.adherence7 !== null).map((r) => r.adherence7!);
  return {
    figures: { activePatients: all.length, medianAdherence7: median(withPlan), needingAttention: attention.length },
    attention,
    total: sorted.length,
    rows: sorted.slice((query.page - 1) * pageSize, query.page * pageSize),
    pageSize,
  };
}
