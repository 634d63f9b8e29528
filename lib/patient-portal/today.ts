import 'server-only';
import { and, asc, eq, gte, inArray, isNull, lte, or, sql, desc } from 'drizzle-orm';
import { db } from '@/db/client';
import { clinics, exercises, patients, planItems, plans, planVersions, sessionLogs, users } from '@/db/schema';
import { dayBoundsIn, formatDay, shiftDate, todayIn } from '@/lib/dates';
import { emergencyNumberOf } from '@/lib/clinic/emergency';
import { openingHoursLines, openStatus, openStatusText } from '@/lib/clinic/opening-hours';
import type { OpeningHours } from '@/db/schema';
import { doseInWords } from '@/lib/exercises/dose';
import type { PatientScope } from './link-access';
import { prescribedSessions } from '@/lib/adherence/prescription';

export type PatientDay = {
  day: string;
  done: number;
  prescribed: number;
  weekday: string;
  dayOfMonth: string;
  /** The month, on the first day shown and on the 1st of a month. */
  month: string | null;
  /** "Wednesday 18 November" */
  label: string;
};

type ClinicRow = {
  clinicName: string;
  clinicPhone: string | null;
  clinicTimezone: string;
  emergencyNumber: string | null;
  openingHours: OpeningHours;
  closedAdvice: string | null;
};

/** Where the patient gets help (components/patient-portal/types.ts ClinicHelp), as of `now`. */
export function clinicHelp(row: ClinicRow | undefined, now: Date) {
  const emergencyNumber = emergencyNumberOf({
    emergencyNumber: row?.emergencyNumber ?? null,
    timezone: row?.clinicTimezone ?? 'UTC',
  });
  const hours = row?.openingHours ?? [];
  return {
    name: row?.clinicName ?? 'Your clinic',
    phone: row?.clinicPhone ?? null,
    emergencyNumber,
    hours: openingHoursLines(hours),
    openNow: openStatusText(openStatus(hours, row?.clinicTimezone ?? 'UTC', now)),
    closedAdvice:
      row?.closedAdvice ??
      `When the clinic is closed and it cannot wait, contact your doctor or an urgent care service. In an emergency, call ${emergencyNumber}.`,
  };
}

/** Everything the patient's phone page shows, and nothing about anyone else. */
export async function patientToday(access: PatientScope, now = new Date()) {
  const today = todayIn(access.timezone, now);
  const from = shiftDate(today, -13);
  const [[header], versions, counts] = await Promise.all([
    db()
      .select({
        firstName: sql<string>`split_part(${patients.name}, ' ', 1)`,
        clinicName: clinics.name,
        clinicPhone: clinics.phone,
        clinicTimezone: clinics.timezone,
        emergencyNumber: clinics.emergencyNumber,
        openingHours: clinics.openingHours,
        closedAdvice: clinics.closedAdvice,
        handoutFooter: clinics.handoutFooter,
      })
      .from(patients)
      .innerJoin(clinics, eq(clinics.id, patients.clinicId))
      .where(and(eq(patients.id, access.patientId), eq(patients.clinicId, access.clinicId))),
    // Every version that could be in effect in the last 14 days, newest first.
    db()
      .select({
        versionId: planVersions.id,
        planId: plans.id,
        version: planVersions.version,
        effectiveDate: planVersions.effectiveDate,
        authorName: users.name,
        startDate: plans.startDate,
        endDate: plans.endDate,
      })
      .from(planVersions)
      .innerJoin(plans, eq(plans.id, planVersions.planId))
      .leftJoin(users, eq(users.id, planVersions.authorId))
      .where(
        and(
          eq(plans.patientId, access.patientId),
          eq(plans.clinicId, access.clinicId),
          lte(plans.startDate, today),
          or(isNull(plans.endDate), gte(plans.endDate, from)),
        ),
      )
      // A plan replaced on the day it began shares that day with its successor: the newer one first.
      .orderBy(desc(plans.startDate), desc(plans.createdAt), desc(planVersions.version)),
    db()
      // A session counts when an exercise was done in it (design.md), as adherence counts it.
      .select({
        day: sessionLogs.localDay,
        n: sql<number>`(count(*) filter (where cardinality(${sessionLogs.itemsDone}) + cardinality(${sessionLogs.itemsPartial}) > 0))::int`,
      })
      .from(sessionLogs)
      .where(
        and(
          eq(sessionLogs.patientId, access.patientId),
          eq(sessionLogs.clinicId, access.clinicId),
          gte(sessionLogs.localDay, from),
        ),
      )
      .groupBy(sessionLogs.localDay),
  ]);
  const items = versions.length
    ? await db()
        .select({ item: planItems, exercise: exercises })
        .from(planItems)
        .innerJoin(exercises, eq(exercises.id, planItems.exerciseId))
        .where(
          inArray(
            planItems.planVersionId,
            versions.map((v) => v.versionId),
          ),
        )
        .orderBy(asc(planItems.position))
    : [];
  const itemsOf = (versionId: string) => items.filter((r) => r.item.planVersionId === versionId);
  const versionOn = (day: string) =>
    versions.find((v) => v.startDate <= day && (!v.endDate || v.endDate >= day) && v.effectiveDate <= day);
  const doneOn = new Map(counts.map((c) => [c.day, c.n]));

  const history: PatientDay[] = [];
  for (let i = 13; i >= 0; i--) {
    const day = shiftDate(today, -i);
    const v = versionOn(day);
    history.push({
      day,
      weekday: formatDay(day, 'weekday'),
      dayOfMonth: formatDay(day, 'dayOfMonth'),
      month: i === 13 || day.endsWith('-01') ? formatDay(day, 'month') : null,
      label: formatDay(day, 'long'),
      done: doneOn.get(day) ?? 0,
      prescribed: v
        ? prescribedSessions(
            day,
            itemsOf(v.versionId).map((r) => r.item),
          )
        : 0,
    });
  }
  const current = versionOn(today);
  const todays = current ? itemsOf(current.versionId) : [];
  return {
    firstName: header?.firstName ?? '',
    clinic: {
      ...clinicHelp(header, now),
      footer: header?.handoutFooter ?? null,
    },
    /** When the patient's today begins and ends, to count sessions logged on the phone since the page was made. */
    todayBounds: dayBoundsIn(today, access.timezone),
    today,
    /** The plan version in effect today and when its plan ends (null: open-ended). */
    plan: current
      ? {
          versionId: current.versionId,
          planId: current.planId,
          version: current.version,
          effectiveDate: current.effectiveDate,
          authorName: current.authorName,
          endDate: current.endDate,
        }
      : null,
    progress: { done: history.at(-1)?.done ?? 0, prescribed: history.at(-1)?.prescribed ?? 0 },
    history,
    exercises: todays.map(({ item, exercise }) => ({
      id: exercise.id,
      name: exercise.name,
      illustration: exercise.illustration,
      summary: exercise.summary,
      steps: exercise.steps,
      cues: exercise.cues,
      safetyNotes: exercise.safetyNotes,
      timing: exercise.timing,
      repsUnit: exercise.repsUnit,
      holdSeconds: item.holdSeconds,
      reps: item.reps,
      sets: item.sets,
      sessionsPerDay: item.sessionsPerDay,
      daysOfWeek: item.daysOfWeek,
      patientNote: item.patientNote,
      doseText: doseInWords(item, exercise),
    })),
  };
}

export type PatientTodayView = Awaited<ReturnType<typeof patientToday>>;
