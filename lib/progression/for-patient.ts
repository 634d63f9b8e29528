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
import { dailyForPatients } from '@/lib/adherence/adherence';
import type { Actor } from '@/lib/auth/guard';
import { daysBetween, shiftDate, todayIn } from '@/lib/dates';
import { itemDose, limitsOf } from '@/lib/exercises/dose';
import { thresholdsOf } from './clinic-thresholds';
import { type ExerciseFacts, type PlanItemDose, type ProgressionSuggestion, suggestProgression } from './rules';

/** How far back the rules ever look: the window before a change, and at most this many days since. */
const MAX_DAYS = 60;

type Exercise = typeof exercises.$inferSelect;
type Patient = { id: string; timezone: string };

const variantOf = (e: Exercise | undefined) =>
  e ? { id: e.id, name: e.name, limits: limitsOf(e), defaultDose: e.defaultDose } : null;

/** The exercises of the versions with their variants, as the rules read them. */
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
 * The progression suggestion of each patient's active plan, from the days since its latest
 * version took effect (and the window before), in a fixed number of queries however many
 * patients (the dashboard asks for its candidates at once). A patient without a suggestion (no
 * plan, a change still to take effect, too little to go on, another clinic's) is left out.
 */
export async function suggestionsFor(
  actor: Actor,
  patients: readonly Patient[],
  now = new Date(),
): Promise<Map<string, PatientSuggestion>> {
  const found = new Map<string, PatientSuggestion>();
  if (patients.length === 0) return found;
  const todays = new Map(patients.map((p) => [p.id, todayIn(p.timezone, now)]));
  const ids = patients.map((p) => p.id);
  const [[clinic], rows] = await Promise.all([
    db().select({ thresholds: clinics.progressionThresholds }).from(clinics).where(eq(clinics.id, actor.clinicId)),
    db()
      .select({
        patientId: plans.patientId,
        id: planVersions.id,
        version: planVersions.version,
        effectiveDate: planVersions.effectiveDate,
        planId: plans.id,
        endDate: plans.endDate,
      })
      .from(planVersions)
      .innerJoin(plans, and(eq(plans.id, planVersions.planId), eq(plans.clinicId, planVersions.clinicId)))
      .where(and(inArray(plans.patientId, ids), eq(plans.clinicId, actor.clinicId), eq(plans.status, 'active')))
      .orderBy(asc(plans.patientId), desc(planVersions.version)),
  ]);
  const thresholds = thresholdsOf(clinic?.thresholds);
  // Each patient's latest version (in effect today, the plan not ended) and the one before it.
  const pairs = new Map<string, { current: (typeof rows)[number]; previous: (typeof rows)[number] | null }>();
  for (const row of rows) {
    const today = todays.get(row.patientId)!;
    const pair = pairs.get(row.patientId);
    if (!pair) {
      if (row.effectiveDate <= today && (!row.endDate || row.endDate >= today))
        pairs.set(row.patientId, { current: row, previous: null });
      else pairs.set(row.patientId, { current: { ...row, id: '' }, previous: null });
    } else if (!pair.previous && row.planId === pair.current.planId) pair.previous = row;
  }
  for (const [id, pair] of pairs) if (!pair.current.id) pairs.delete(id);
  if (pairs.size === 0) return found;

  const versionIds = [...pairs.values()].flatMap((p) => [p.current.id, ...(p.previous ? [p.previous.id] : [])]);
  const itemRows = await db()
    .select()
    .from(planItems)
    .where(and(inArray(planItems.planVersionId, versionIds), eq(planItems.clinicId, actor.clinicId)))
    .orderBy(asc(planItems.position));
  const itemsOf = (versionId: string): PlanItemDose[] =>
    itemRows.filter((r) => r.planVersionId === versionId).map((r) => ({ exerciseId: r.exerciseId, ...itemDose(r) }));

  const span = Math.min(
    MAX_DAYS,
    Math.max(
      thresholds.simplifyWindowDays,
      ...[...pairs].map(
        ([id, p]) => daysBetween(shiftDate(p.current.effectiveDate, -thresholds.windowDays), todays.get(id)!) + 1,
      ),
    ),
  );
  // The earliest first day of any patient: a day or so of slack either side of the timezones.
  const first = shiftDate(todayIn('UTC', now), -(span + 1));
  const withPlans = [...pairs.keys()];
  const [daily, pains, flags, facts, dismissals] = await Promise.all([
    dailyForPatients(actor.clinicId, withPlans, span, now),
    db()
      .select({
        patientId: sessionLogs.patientId,
        day: sessionLogs.localDay,
        painAfter: sql<number | null>`avg(${sessionLogs.painAfter})::float8`,
      })
      .from(sessionLogs)
      .where(
        and(
          eq(sessionLogs.clinicId, actor.clinicId),
          inArray(sessionLogs.patientId, withPlans),
          gte(sessionLogs.localDay, first),
        ),
      )
      .groupBy(sessionLogs.patientId, sessionLogs.localDay),
    db()
      .select({ patientId: alerts.patientId, day: sessionLogs.localDay })
      .from(alerts)
      .innerJoin(sessionLogs, eq(sessionLogs.id, alerts.sessionLogId))
      .where(
        and(
          eq(alerts.clinicId, actor.clinicId),
          inArray(alerts.patientId, withPlans),
          eq(alerts.kind, 'red_flag'),
          gte(sessionLogs.localDay, first),
        ),
      ),
    factsOf(actor.clinicId, [...new Set(itemRows.map((i) => i.exerciseId))]),
    db()
      .select({ planVersionId: progressionEvents.planVersionId, signature: progressionEvents.signature })
      .from(progressionEvents)
      .where(
        and(
          eq(progressionEvents.clinicId, actor.clinicId),
          inArray(
            progressionEvents.planVersionId,
            [...pairs.values()].map((p) => p.current.id),
          ),
          eq(progressionEvents.kind, 'dismissed'),
        ),
      ),
  ]);
  const dismissed = new Set(dismissals.map((d) => `${d.planVersionId}:${d.signature}`));
  for (const [patientId, { current, previous }] of pairs) {
    const today = todays.get(patientId)!;
    const painOn = new Map(pains.filter((p) => p.patientId === patientId).map((p) => [p.day, p.painAfter]));
    const flagged = new Set(flags.filter((f) => f.patientId === patientId).map((f) => f.day));
    const days = (daily.get(patientId) ?? []).map((d) => ({
      day: d.day,
      prescribed: d.prescribed,
      completed: d.completed,
      logged: d.logged,
      painAfter: painOn.get(d.day) ?? null,
      redFlag: flagged.has(d.day),
    }));
    const suggestion = suggestProgression({
      version: { effectiveDate: current.effectiveDate, items: itemsOf(current.id) },
      previousItems: previous ? itemsOf(previous.id) : null,
      exercises: facts,
      days,
      today,
      thresholds,
    });
    if (!suggestion) continue;
    const logsSince = days.filter((d) => d.day >= current.effectiveDate).reduce((n, d) => n + d.logged, 0);
    const redFlagDays = days.filter((d) => d.redFlag).length;
    const signature = crypto
      .createHash('sha256')
      .update(JSON.stringify([suggestion.kind, current.id, suggestion.items, logsSince, redFlagDays]))
      .digest('hex')
      .slice(0, 32);
    found.set(patientId, {
      planId: current.planId,
      planVersionId: current.id,
      version: current.version,
      today,
      suggestion,
      signature,
      dismissed: dismissed.has(`${current.id}:${signature}`),
    });
  }
  return found;
}

/** One patient's suggestion (the plan page), or null. */
export async function suggestionFor(
  actor: Actor,
  patient: Patient,
  now = new Date(),
): Promise<PatientSuggestion | null> {
  return (await suggestionsFor(actor, [patient], now)).get(patient.id) ?? null;
}
