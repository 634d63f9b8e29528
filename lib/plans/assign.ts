import 'server-only';
import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import { type Database, db } from '@/db/client';
import {
  type Exercise,
  patients,
  planItems,
  plans,
  planTemplates,
  planVersions,
  precautionAcknowledgements,
} from '@/db/schema';
import { type Failure, type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/guard';
import { shiftDate, todayIn } from '@/lib/dates';
import { assignableExercises, exercisesByIds } from '@/lib/exercises/library';
import { currentScreening } from '@/lib/screening/screening';
import type { AdjustPlanInput, AssignPlanInput, PlanItemInput } from '@/lib/validation/plan';
import { type AcceptedAcknowledgement, checkPlanItems, hasProblems } from './rules';
import { itemDose } from '@/lib/exercises/dose';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export type SavedVersion = { planId: string; version: number };

/** A plan refused for a precaution without a reason names the field `ack.<exerciseId>:<code>`. */
export function lacksAcknowledgement(failure: Failure): boolean {
  return Object.keys(failure.fieldErrors ?? {}).some((field) => field.startsWith('ack.'));
}

const notFound = (what: string) => fail('not_found', `That ${what} is not in your clinic.`);

/**
 * Ends the patient's active plan (if any) with `lastDay` as its last day, but never before the day
 * it started (a plan replaced or discharged the day it began ran that one day) and never after an
 * end it already had.
 */
export async function endActivePlan(tx: Tx, actor: Actor, patientId: string, lastDay: string) {
  const [ended] = await tx
    .update(plans)
    .set({
      status: 'ended',
      endDate: sql`greatest(least(coalesce(${plans.endDate}, ${lastDay}::date), ${lastDay}::date), ${plans.startDate})`,
      endedAt: new Date(),
    })
    .where(and(eq(plans.patientId, patientId), eq(plans.clinicId, actor.clinicId), eq(plans.status, 'active')))
    .returning({ id: plans.id });
  if (!ended) return;
  await audit(tx, actor, { action: 'plan.ended', subjectType: 'plan', subjectId: ended.id, patientId });
}

async function validateItems(
  actor: Actor,
  patientId: string,
  items: PlanItemInput[],
  acknowledgements: Record<string, string>,
): Promise<Result<AcceptedAcknowledgement[]>> {
  const screening = await currentScreening(actor, patientId);
  if (!screening) return fail('invalid', 'Screen this patient for contraindications before assigning exercises.');
  const exercisesById = await assignableExercises(
    actor,
    items.map((i) => i.exerciseId),
  );
  const { problems, accepted } = checkPlanItems(items, exercisesById, screening.answers, acknowledgements);
  if (hasProblems(problems)) {
    const blocked = Object.values(problems.fieldErrors)
      .flat()
      .find((m) => m.includes('cannot be assigned'));
    const message =
      blocked ??
      (problems.missingAcknowledgements.length
        ? 'Some exercises need a reason before they can be assigned.'
        : 'Check the highlighted doses.');
    return fail('invalid', message, problems.fieldErrors);
  }
  return ok(accepted);
}

async function writeVersion(
  tx: Tx,
  actor: Actor,
  planId: string,
  version: { number: number; effectiveDate: string; reason: string; restoredFrom?: number },
  items: PlanItemInput[],
  accepted: AcceptedAcknowledgement[],
) {
  const [row] = await tx
    .insert(planVersions)
    .values({
      clinicId: actor.clinicId,
      planId,
      version: version.number,
      effectiveDate: version.effectiveDate,
      authorId: actor.userId,
      reason: version.reason,
      restoredFrom: version.restoredFrom ?? null,
    })
    .returning({ id: planVersions.id });
  if (!row) throw new Error('plan version insert returned nothing');
  await tx.insert(planItems).values(
    items.map((item, position) => ({
      clinicId: actor.clinicId,
      planVersionId: row.id,
      position,
      exerciseId: item.exerciseId,
      ...itemDose(item),
    })),
  );
  if (accepted.length) {
    await tx
      .insert(precautionAcknowledgements)
      .values(
        accepted.map((a) => ({ ...a, clinicId: actor.clinicId, planVersionId: row.id, acknowledgedBy: actor.userId })),
      );
  }
  return row.id;
}

export async function assignPlan(
  actor: Actor,
  patientId: string,
  input: AssignPlanInput,
): Promise<Result<SavedVersion>> {
  const [patient] = await db()
    .select({ id: patients.id, status: patients.status, timezone: patients.timezone })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
    .limit(1);
  if (!patient) return notFound('patient');
  if (patient.status !== 'active') return fail('conflict', 'Reactivate this patient before assigning a plan.');
  let templateName: string | null = null;
  if (input.templateId) {
    const [template] = await db()
      .select({ name: planTemplates.name })
      .from(planTemplates)
      .where(and(eq(planTemplates.id, input.templateId), eq(planTemplates.clinicId, actor.clinicId)))
      .limit(1);
    if (!template) return notFound('template');
    templateName = template.name;
  }
  const checked = await validateItems(actor, patientId, input.items, input.acknowledgements);
  if (!checked.ok) return checked;

  return db().transaction(async (tx) => {
    // The plan it replaces ends the day before this one starts.
    await endActivePlan(tx, actor, patientId, shiftDate(input.startDate, -1));
    const [plan] = await tx
      .insert(plans)
      .values({
        clinicId: actor.clinicId,
        patientId,
        startDate: input.startDate,
        endDate: input.endDate,
        templateId: input.templateId,
        createdBy: actor.userId,
      })
      .returning({ id: plans.id });
    if (!plan) throw new Error('plan insert returned nothing');
    await writeVersion(
      tx,
      actor,
      plan.id,
      {
        number: 1,
        effectiveDate: input.startDate,
        reason: templateName ? `Assigned from “${templateName}”` : 'Assigned',
      },
      input.items,
      checked.value,
    );
    await audit(tx, actor, {
      action: 'plan.assigned',
      subjectType: 'plan',
      subjectId: plan.id,
      patientId,
      detail: { items: input.items.length, acknowledgements: checked.value.length },
    });
    return ok({ planId: plan.id, version: 1 });
  });
}

type ActivePlan = {
  id: string;
  patientId: string;
  startDate: string;
  endDate: string | null;
  latestVersion: number;
  latestEffective: string;
};

async function activePlanOf(actor: Actor, planId: string): Promise<ActivePlan | null> {
  const [plan] = await db()
    .select({
      id: plans.id,
      patientId: plans.patientId,
      startDate: plans.startDate,
      endDate: plans.endDate,
      status: plans.status,
    })
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)))
    .limit(1);
  if (!plan || plan.status !== 'active') return null;
  const [latest] = await db()
    .select({ version: planVersions.version, effectiveDate: planVersions.effectiveDate })
    .from(planVersions)
    .where(eq(planVersions.planId, planId))
    .orderBy(desc(planVersions.version))
    .limit(1);
  if (!latest) return null;
  return { ...plan, latestVersion: latest.version, latestEffective: latest.effectiveDate };
}

export async function versionItems(actor: Actor, planId: string, version: number): Promise<PlanItemInput[] | null> {
  const rows = await db()
    .select({ item: planItems })
    .from(planItems)
    .innerJoin(planVersions, eq(planVersions.id, planItems.planVersionId))
    .where(
      and(
        eq(planVersions.planId, planId),
        eq(planVersions.version, version),
        eq(planVersions.clinicId, actor.clinicId),
      ),
    )
    .orderBy(asc(planItems.position));
  if (rows.length === 0) return null;
  return rows.map(({ item }) => ({
    exerciseId: item.exerciseId,
    ...itemDose(item),
  }));
}

const sameItems = (a: PlanItemInput[], b: PlanItemInput[]) =>
  JSON.stringify(a.map((i) => ({ ...i, patientNote: i.patientNote ?? null }))) ===
  JSON.stringify(b.map((i) => ({ ...i, patientNote: i.patientNote ?? null })));

/** Every change of dose or exercises is a new immutable version with a date, an author and a reason. */
export async function adjustPlan(
  actor: Actor,
  planId: string,
  input: AdjustPlanInput & { restoredFrom?: number },
  /** More writes that must commit with the new version (an applied suggestion's record). */
  alongside?: (tx: Tx, saved: SavedVersion) => Promise<void>,
): Promise<Result<SavedVersion>> {
  const plan = await activePlanOf(actor, planId);
  if (!plan) return notFound('plan');
  if (input.effectiveDate < plan.startDate || input.effectiveDate < plan.latestEffective) {
    const earliest = plan.latestEffective > plan.startDate ? plan.latestEffective : plan.startDate;
    return fail('invalid', `A change can take effect on ${earliest} or later.`, {
      effectiveDate: [`Choose ${earliest} or a later date.`],
    });
  }
  if (plan.endDate && input.effectiveDate > plan.endDate) {
    return fail('invalid', 'That date is after the plan ends.', {
      effectiveDate: ['Choose a date before the plan ends.'],
    });
  }
  const current = await versionItems(actor, planId, plan.latestVersion);
  if (current && sameItems(current, input.items)) {
    return fail('invalid', 'Nothing changed: the plan already has these exercises and doses.');
  }
  // A precaution acknowledged earlier in this plan stays acknowledged; a new reason replaces it.
  const acknowledgements = { ...(await carriedAcknowledgements(actor, planId)), ...input.acknowledgements };
  const checked = await validateItems(actor, plan.patientId, input.items, acknowledgements);
  if (!checked.ok) return checked;

  return db().transaction(async (tx) => {
    // The unique (plan, version) constraint turns a concurrent edit into an error, not a lost update.
    const [row] = await tx
      .select({ top: max(planVersions.version) })
      .from(planVersions)
      .where(eq(planVersions.planId, planId));
    const next = (row?.top ?? 0) + 1;
    if (next !== plan.latestVersion + 1) {
      return fail('conflict', 'Someone else changed this plan a moment ago. Reload to see their change.');
    }
    await writeVersion(
      tx,
      actor,
      planId,
      { number: next, effectiveDate: input.effectiveDate, reason: input.reason, restoredFrom: input.restoredFrom },
      input.items,
      checked.value,
    );
    await audit(tx, actor, {
      action: input.restoredFrom ? 'plan.restored' : 'plan.adjusted',
      subjectType: 'plan',
      subjectId: planId,
      patientId: plan.patientId,
      detail: { version: next, restoredFrom: input.restoredFrom ?? null },
    });
    await alongside?.(tx, { planId, version: next });
    return ok({ planId, version: next });
  });
}

/** Brings back an earlier version's exercises and doses as a new version, effective today. */
export { carriedAcknowledgements as planAcknowledgements };

export async function restorePlanVersion(
  actor: Actor,
  planId: string,
  version: number,
  reason: string,
  timezone: string,
): Promise<Result<SavedVersion>> {
  const plan = await activePlanOf(actor, planId);
  if (!plan) return notFound('plan');
  const items = await versionItems(actor, planId, version);
  if (!items) return notFound('version');
  const today = todayIn(timezone);
  return adjustPlan(actor, planId, {
    effectiveDate: today < plan.latestEffective ? plan.latestEffective : today,
    reason,
    items,
    acknowledgements: await carriedAcknowledgements(actor, planId, version),
    restoredFrom: version,
  });
}

/** Reasons already given in this plan (for `version`, or any version, newest winning), keyed `${exerciseId}:${code}`. */
async function carriedAcknowledgements(
  actor: Actor,
  planId: string,
  version?: number,
): Promise<Record<string, string>> {
  const rows = await db()
    .select({
      exerciseId: precautionAcknowledgements.exerciseId,
      code: precautionAcknowledgements.contraindication,
      reason: precautionAcknowledgements.reason,
    })
    .from(precautionAcknowledgements)
    .innerJoin(planVersions, eq(planVersions.id, precautionAcknowledgements.planVersionId))
    .where(
      and(
        eq(planVersions.planId, planId),
        eq(planVersions.clinicId, actor.clinicId),
        version === undefined ? undefined : eq(planVersions.version, version),
      ),
    )
    .orderBy(asc(planVersions.version));
  return Object.fromEntries(rows.map((r) => [`${r.exerciseId}:${r.code}`, r.reason]));
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** Swaps one exercise for its easier or harder variant, keeping how often it is done. */
export async function swapToVariant(
  actor: Actor,
  planId: string,
  position: number,
  direction: 'easier' | 'harder',
  reason: string,
  timezone: string,
): Promise<Result<SavedVersion>> {
  const plan = await activePlanOf(actor, planId);
  if (!plan) return notFound('plan');
  const items = await versionItems(actor, planId, plan.latestVersion);
  const item = items?.[position];
  if (!items || !item) return notFound('exercise');
  const byId = await exercisesByIds(actor, [item.exerciseId]);
  const current = byId.get(item.exerciseId);
  const variantId = direction === 'easier' ? current?.easierId : current?.harderId;
  if (!current || !variantId)
    return fail('invalid', `${current?.name ?? 'This exercise'} has no ${direction} variant.`);
  const variant: Exercise | undefined = (await exercisesByIds(actor, [variantId])).get(variantId);
  if (!variant) return fail('invalid', `The ${direction} variant is not in your library.`);
  const d = variant.defaultDose;
  items[position] = {
    exerciseId: variant.id,
    sessionsPerDay: clamp(item.sessionsPerDay, variant.sessionsMin, variant.sessionsMax),
    daysOfWeek: item.daysOfWeek,
    holdSeconds: clamp(d.holdSeconds, variant.holdMin, variant.holdMax),
    reps: clamp(d.reps, variant.repsMin, variant.repsMax),
    sets: clamp(d.sets, variant.setsMin, variant.setsMax),
    patientNote: item.patientNote,
  };
  const today = todayIn(timezone);
  return adjustPlan(actor, planId, {
    effectiveDate: today < plan.latestEffective ? plan.latestEffective : today,
    reason,
    items,
    acknowledgements: await carriedAcknowledgements(actor, planId, plan.latestVersion),
  });
}
