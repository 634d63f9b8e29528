import 'server-only';
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { exercises, planItems, planVersions, sessionLogs } from '@/db/schema';
import type { PatientScope } from './link-access';
import { whatChanged } from './what-changed';

type CurrentPlan = { planId: string; version: number; effectiveDate: string };

/**
 * What the plan version in effect changed, for the phone to say until the patient has done a
 * session of it; null for a first version, once a session was logged since, or when nothing a
 * patient would notice changed.
 */
export async function recentChange(
  scope: PatientScope,
  plan: CurrentPlan | null,
  current: Parameters<typeof whatChanged>[1],
): Promise<{ since: string; lines: string[] } | null> {
  if (!plan || plan.version < 2) return null;
  const [[done], before] = await Promise.all([
    db()
      .select({ n: sql<number>`count(*)::int` })
      .from(sessionLogs)
      .where(
        and(
          eq(sessionLogs.clinicId, scope.clinicId),
          eq(sessionLogs.patientId, scope.patientId),
          gte(sessionLogs.localDay, plan.effectiveDate),
          sql`cardinality(${sessionLogs.itemsDone}) + cardinality(${sessionLogs.itemsPartial}) > 0`,
        ),
      ),
    db()
      .select({ item: planItems, name: exercises.name, timing: exercises.timing, repsUnit: exercises.repsUnit })
      .from(planItems)
      .innerJoin(planVersions, eq(planVersions.id, planItems.planVersionId))
      .innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
      .where(
        and(
          eq(planVersions.planId, plan.planId),
          eq(planVersions.clinicId, scope.clinicId),
          eq(planVersions.version, plan.version - 1),
        ),
      )
      .orderBy(asc(planItems.position)),
  ]);
  if ((done?.n ?? 0) > 0 || before.length === 0) return null;
  const lines = whatChanged(
    before.map((r) => ({ ...r.item, name: r.name, timing: r.timing, repsUnit: r.repsUnit })),
    current,
  );
  return lines.length ? { since: plan.effectiveDate, lines } : null;
}
