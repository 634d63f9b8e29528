import 'server-only';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { exercises, planItems, plans, planVersions, sessionLogs } from '@/db/schema';
import { dailyForPatient } from '@/lib/adherence/adherence';
import type { Actor } from '@/lib/auth/guard';
import { painTrendText } from './pain-trend';
import { findPatient } from './patients';
import { prescribedSessions } from '@/lib/adherence/prescription';
import { symptomLabel } from '@/lib/patient-portal/log-contract';

export const CHART_RANGES = { '2w': 14, '4w': 28, '12w': 84 } as const;
export type ChartRange = keyof typeof CHART_RANGES;

const rangeSchema = z.enum(Object.keys(CHART_RANGES) as [ChartRange, ...ChartRange[]]).catch('4w');

/** The range in the address, or four weeks for anything else (an old link, a typo, `?range=constructor`). */
export function parseRange(value: unknown): ChartRange {
  return rangeSchema.parse(value);
}

/** Everything the patient's charts need for a range, or null when the patient is not in the actor's clinic. */
export async function patientChartData(actor: Actor, patientId: string, range: ChartRange, now = new Date()) {
  const patient = await findPatient(actor, patientId);
  if (!patient) return null;
  const windowDays = CHART_RANGES[range];
  const days = await dailyForPatient(actor.clinicId, patientId, windowDays, now);
  const from = days[0]?.day ?? '9999-12-31';
  const [logs, versions] = await Promise.all([
    db()
      .select({
        performedAt: sessionLogs.performedAt,
        day: sessionLogs.localDay,
        painBefore: sessionLogs.painBefore,
        painAfter: sessionLogs.painAfter,
        symptoms: sessionLogs.symptoms,
        itemsDone: sessionLogs.itemsDone,
      })
      .from(sessionLogs)
      .where(
        and(
          eq(sessionLogs.patientId, patientId),
          eq(sessionLogs.clinicId, actor.clinicId),
          gte(sessionLogs.localDay, from),
        ),
      )
      .orderBy(asc(sessionLogs.performedAt)),
    db()
      .select({
        id: planVersions.id,
        version: planVersions.version,
        effectiveDate: planVersions.effectiveDate,
        reason: planVersions.reason,
        startDate: plans.startDate,
        endDate: plans.endDate,
      })
      .from(planVersions)
      .innerJoin(plans, eq(plans.id, planVersions.planId))
      .where(and(eq(plans.patientId, patientId), eq(plans.clinicId, actor.clinicId)))
      .orderBy(asc(plans.startDate), asc(planVersions.version)),
  ]);
  const items = versions.length
    ? await db()
        .select({
          versionId: planItems.planVersionId,
          exerciseId: planItems.exerciseId,
          name: exercises.name,
          sessionsPerDay: planItems.sessionsPerDay,
          daysOfWeek: planItems.daysOfWeek,
        })
        .from(planItems)
        .innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
        .where(
          inArray(
            planItems.planVersionId,
            versions.map((v) => v.id),
          ),
        )
    : [];

  // Per exercise: sessions that included it, out of the sessions in which it was prescribed.
  const versionOn = (day: string) =>
    [...versions]
      .reverse()
      .find((v) => v.startDate <= day && (!v.endDate || v.endDate >= day) && v.effectiveDate <= day);
  const perExercise = new Map<string, { name: string; prescribed: number; done: number }>();
  for (const d of days) {
    const v = versionOn(d.day);
    if (!v) continue;
    const own = items.filter((i) => i.versionId === v.id);
    const doneThatDay = logs.filter((l) => l.day === d.day);
    for (const i of own) {
      const prescribed = prescribedSessions(d.day, [i]);
      if (!prescribed) continue;
      const entry = perExercise.get(i.exerciseId) ?? { name: i.name, prescribed: 0, done: 0 };
      entry.prescribed += prescribed;
      entry.done += Math.min(prescribed, doneThatDay.filter((l) => l.itemsDone.includes(i.exerciseId)).length);
      perExercise.set(i.exerciseId, entry);
    }
  }

  const prescribed = days.reduce((a, d) => a + d.prescribed, 0);
  const completed = days.reduce((a, d) => a + d.completed, 0);
  const weeks = windowDays / 7;
  let summary = prescribed
    ? `Completed ${completed} of ${prescribed} prescribed sessions (${Math.round((completed / prescribed) * 100)} %) in the last ${weeks} weeks`
    : `No sessions were prescribed in the last ${weeks} weeks`;
  const pain = painTrendText(logs);
  if (pain) summary += `; ${pain}`;
  const flagged = logs.filter((l) => l.symptoms.length > 0).length;
  if (flagged) summary += `; ${flagged} session${flagged === 1 ? '' : 's'} with symptoms reported`;

  return {
    patient: { id: patient.id, name: patient.name, timezone: patient.timezone },
    range,
    summary: `${summary}.`,
    days,
    versionChanges: versions
      .filter((v) => v.effectiveDate >= from)
      .map((v) => ({ day: v.effectiveDate, label: `v${v.version}`, reason: v.reason })),
    sessions: logs.map((l) => ({
      at: l.performedAt.toISOString(),
      day: l.day,
      painBefore: l.painBefore,
      painAfter: l.painAfter,
      symptoms: l.symptoms.map(symptomLabel),
    })),
    exercises: [...perExercise.values()].map((e) => ({ ...e, rate: e.prescribed ? e.done / e.prescribed : 0 })),
  };
}

export type PatientChartData = NonNullable<Awaited<ReturnType<typeof patientChartData>>>;
