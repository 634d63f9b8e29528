import 'server-only';
import crypto from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  alerts,
  clinics,
  exercises,
  planItems,
  plans,
  planVersions,
  progressionEvents,
  sessionLogs,
} from '@/db/schema';
import { dailyForPatient } from '@/lib/adherence/adherence';
import type { Actor } from '@/lib/auth/guard';
import { daysBetween, shiftDate, todayIn } from '@/lib/dates';
import { itemDose, limitsOf } from '@/lib/exercises/dose';
import { thresholdsOf } from './clinic-thresholds';
import { type ExerciseFacts, type PlanItemDose, type ProgressionSuggestion, suggestProgression } from './rules';

/** How far back the rules ever look: the window before a change, and at most this many days since. */
const MAX_DAYS = 60;

type Exercise = typeof exercises.$inferSelect;

const variantOf = (e: Exercise | undefined) =>
  e ? { id: e.id, name: e.name, limits: limitsOf(e), defaultDose: e.defaultDose } : null;

/** The exercises of both versions with their variants, as the rules read them. */
async function factsOf(clinicId: string, ids: string[]): Promise<Map<string, ExerciseFacts>> {
  const visible = or(isNull(exercises.clinicId), eq(exercises.clinicId, clinicId));
  const own = ids.length
    ? await db()
        .select()
        .from(exercises)
        .where(and(inArray(exercises.id, ids), visible))
    : [];
  const variantIds = own.flatMap((e) => [e.easierId, e.harderId]).filter((id): id is string => id !== null);
  const variants = variantIds.length
    ? await db()
        .select()
        .from(exercises)
        .where(and(inArray(exercises.id, variantIds), visible))
    : [];
  const byId = new Map([...own, ...variants].map((e) => [e.id, e]));
  return new Map(
    own.map((e) => [
      e.id,
      {
        name: e.name,
        timing: e.timing,
        repsUnit: e.repsUnit,
        limits: limitsOf(e),
        easier: variantOf(e.easierId ? byId.get(e.easierId) : undefined),
        harder: variantOf(e.harderId ? byId.get(e.harderId) : undefined),
      },
    ]),
  );
}

async function itemsOf(versionId: string): Promise<PlanItemDose[]> {
  const rows = await db()
    .select()
    .from(planItems)
    .where(eq(planItems.planVersionId, versionId))
    .orderBy(asc(planItems.position));
  return rows.map((r) => ({ exerciseId: r.exerciseId, ...itemDose(r) }));
}

export type PatientSuggestion = {
  planId: string;
  planVersionId: string;
  version: number;
  today: string;
  suggestion: ProgressionSuggestion;
  /** Identifies the suggestion and the data it came from: a dismissal holds until this changes. */
  signature: string;
  dismissed: boolean;
};

/**
 * The progression suggestion for a patient's active plan, from the days since its latest version
 * took effect (and the window before), or null: no plan, a change still to take effect, or too
 * little to go on. Another clinic's patient has no plan here, so gets null.
 */
export async function suggestionFor(
  actor: Actor,
  patient: { id: string; timezone: string },
  now = new Date(),
): Promise<PatientSuggestion | null> {
  const today = todayIn(patient.timezone, now);
  const versions = await db()
    .select({
      id: planVersions.id,
      version: planVersions.version,
      effectiveDate: planVersions.effectiveDate,
      planId: plans.id,
    })
    .from(planVersions)
    .innerJoin(plans, and(eq(plans.id, planVersions.planId), eq(plans.clinicId, planVersions.clinicId)))
    .where(
      and(
        eq(plans.patientId, patient.id),
        eq(plans.clinicId, actor.clinicId),
        eq(plans.status, 'active'),
        sql`(${plans.endDate} is null or ${plans.endDate} >= ${today})`,
      ),
    )
    .orderBy(desc(planVersions.version))
    .limit(2);
  const [current, previous] = versions;
  if (!current || current.effectiveDate > today) return null;
  const [[clinic], items, previousItems] = await Promise.all([
    db().select({ thresholds: clinics.progressionThresholds }).from(clinics).where(eq(clinics.id, actor.clinicId)),
    itemsOf(current.id),
    previous ? itemsOf(previous.id) : Promise.resolve(null),
  ]);
  const thresholds = thresholdsOf(clinic?.thresholds);
  const from = shiftDate(current.effectiveDate, -thresholds.windowDays);
  const span = Math.min(MAX_DAYS, Math.max(thresholds.simplifyWindowDays, daysBetween(from, today) + 1));
  const first = shiftDate(today, -(span - 1));
  const [daily, pains, flags, facts] = await Promise.all([
    dailyForPatient(actor.clinicId, patient.id, span, now),
    db()
      .select({
        day: sessionLogs.localDay,
        painAfter: sql<number | null>`avg(${sessionLogs.painAfter})::float8`,
      })
      .from(sessionLogs)
      .where(
        and(
          eq(sessionLogs.clinicId, actor.clinicId),
          eq(sessionLogs.patientId, patient.id),
          gte(sessionLogs.localDay, first),
        ),
      )
      .groupBy(sessionLogs.localDay),
    db()
      .select({ day: sessionLogs.localDay })
      .from(alerts)
      .innerJoin(sessionLogs, eq(sessionLogs.id, alerts.sessionLogId))
      .where(
        and(
          eq(alerts.clinicId, actor.clinicId),
          eq(alerts.patientId, patient.id),
          eq(alerts.kind, 'red_flag'),
          gte(sessionLogs.localDay, first),
        ),
      ),
    factsOf(actor.clinicId, [...new Set([...items, ...(previousItems ?? [])].map((i) => i.exerciseId))]),
  ]);
  const painOn = new Map(pains.map((p) => [p.day, p.painAfter]));
  const flagged = new Set(flags.map((f) => f.day));
  const days = daily.map((d) => ({
    day: d.day,
    prescribed: d.prescribed,
    completed: d.completed,
    logged: d.logged,
    painAfter: painOn.get(d.day) ?? null,
    redFlag: flagged.has(d.day),
  }));
  const suggestion = suggestProgression({
    version: { effectiveDate: current.effectiveDate, items },
    previousItems,
    exercises: facts,
    days,
    today,
    thresholds,
  });
  if (!suggestion) return null;
  const logsSince = days.filter((d) => d.day >= current.effectiveDate).reduce((n, d) => n + d.logged, 0);
  const signature = crypto
    .createHash('sha256')
    .update(JSON.stringify([suggestion.kind, current.id, suggestion.items, logsSince, flagged.size]))
    .digest('hex')
    .slice(0, 32);
  const [dismissal] = await db()
    .select({ id: progressionEvents.id })
    .from(progressionEvents)
    .where(
      and(
        eq(progressionEvents.clinicId, actor.clinicId),
        eq(progressionEvents.planVersionId, current.id),
        eq(progressionEvents.signature, signature),
        eq(progressionEvents.kind, 'dismissed'),
      ),
    )
    .limit(1);
  return {
    planId: current.planId,
    planVersionId: current.id,
    version: current.version,
    today,
    suggestion,
    signature,
    dismissed: Boolean(dismissal),
  };
}
