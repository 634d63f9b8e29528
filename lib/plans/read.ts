import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  type Exercise,
  exercises,
  planItems,
  plans,
  planVersions,
  precautionAcknowledgements,
  users,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/guard';
import { contraindicationByCode } from '@/lib/screening/contraindications';
import { diffVersions, type VersionDiff, type VersionItem } from './diff';
import { itemDose } from '@/lib/exercises/dose';

export type PlanItemView = VersionItem & {
  position: number;
  exercise: Pick<
    Exercise,
    | 'id'
    | 'name'
    | 'kind'
    | 'timing'
    | 'repsUnit'
    | 'illustration'
    | 'easierId'
    | 'harderId'
    | 'holdMin'
    | 'holdMax'
    | 'repsMin'
    | 'repsMax'
    | 'setsMin'
    | 'setsMax'
    | 'sessionsMin'
    | 'sessionsMax'
  >;
};

export type PlanVersionView = {
  version: number;
  effectiveDate: string;
  reason: string;
  restoredFrom: number | null;
  authorName: string | null;
  createdAt: Date;
  items: PlanItemView[];
  acknowledgements: { exerciseName: string; label: string; reason: string }[];
  diff: VersionDiff | null;
};

export type PlanView = {
  id: string;
  status: 'active' | 'ended';
  startDate: string;
  endDate: string | null;
  versions: PlanVersionView[];
};

/** A plan with every version (newest first), its items, reasons and what each version changed. */
export async function planDetail(actor: Actor, planId: string): Promise<PlanView | null> {
  const [plan] = await db()
    .select()
    .from(plans)
    .where(and(eq(plans.id, planId), eq(plans.clinicId, actor.clinicId)))
    .limit(1);
  if (!plan) return null;
  const versions = await db()
    .select({ v: planVersions, authorName: users.name })
    .from(planVersions)
    .leftJoin(users, eq(users.id, planVersions.authorId))
    .where(and(eq(planVersions.planId, planId), eq(planVersions.clinicId, actor.clinicId)))
    .orderBy(asc(planVersions.version));
  const versionIds = versions.map((v) => v.v.id);
  const [items, acks] = versionIds.length
    ? await Promise.all([
        db()
          .select({ item: planItems, exercise: exercises })
          .from(planItems)
          .innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
          .where(inArray(planItems.planVersionId, versionIds))
          .orderBy(asc(planItems.position)),
        db()
          .select({ ack: precautionAcknowledgements, exerciseName: exercises.name })
          .from(precautionAcknowledgements)
          .innerJoin(exercises, eq(exercises.id, precautionAcknowledgements.exerciseId))
          .where(inArray(precautionAcknowledgements.planVersionId, versionIds)),
      ])
    : [[], []];

  let previous: VersionItem[] | null = null;
  const views: PlanVersionView[] = [];
  for (const { v, authorName } of versions) {
    const own: PlanItemView[] = items
      .filter((r) => r.item.planVersionId === v.id)
      .map(({ item, exercise }) => ({
        position: item.position,
        exerciseId: exercise.id,
        exerciseName: exercise.name,
        ...itemDose(item),
        exercise,
      }));
    views.push({
      version: v.version,
      effectiveDate: v.effectiveDate,
      reason: v.reason,
      restoredFrom: v.restoredFrom,
      authorName,
      createdAt: v.createdAt,
      items: own,
      acknowledgements: acks
        .filter((a) => a.ack.planVersionId === v.id)
        .map((a) => ({
          exerciseName: a.exerciseName,
          label: contraindicationByCode.get(a.ack.contraindication)?.label ?? a.ack.contraindication,
          reason: a.ack.reason,
        })),
      diff: previous ? diffVersions(previous, own) : null,
    });
    previous = own;
  }
  return {
    id: plan.id,
    status: plan.status,
    startDate: plan.startDate,
    endDate: plan.endDate,
    versions: views.reverse(),
  };
}

export type PlanSummary = {
  id: string;
  status: 'active' | 'ended';
  startDate: string;
  endDate: string | null;
  versions: number;
};

export async function plansOfPatient(actor: Actor, patientId: string): Promise<PlanSummary[]> {
  const rows = await db()
    .select({ plan: plans, version: planVersions.version })
    .from(plans)
    .leftJoin(planVersions, eq(planVersions.planId, plans.id))
    .where(and(eq(plans.patientId, patientId), eq(plans.clinicId, actor.clinicId)))
    .orderBy(desc(plans.createdAt));
  const byPlan = new Map<string, PlanSummary>();
  for (const { plan, version } of rows) {
    const s = byPlan.get(plan.id) ?? {
      id: plan.id,
      status: plan.status,
      startDate: plan.startDate,
      endDate: plan.endDate,
      versions: 0,
    };
    s.versions = Math.max(s.versions, version ?? 0);
    byPlan.set(plan.id, s);
  }
  return [...byPlan.values()];
}

export async function activePlanId(actor: Actor, patientId: string): Promise<string | null> {
  const [row] = await db()
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.patientId, patientId), eq(plans.clinicId, actor.clinicId), eq(plans.status, 'active')))
    .limit(1);
  return row?.id ?? null;
}
