import 'server-only';
import crypto from 'node:crypto';
import { and, asc, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { formatInTimeZone } from 'date-fns-tz';
import { z } from 'zod';
import { db } from '@/db/client';
import { alerts, patients, planItems, plans, planVersions, SYMPTOM_CODES, sessionLogs } from '@/db/schema';
import type { PatientAccess } from './patient-links';
import { redFlagsOf } from './red-flags';

export const MAX_NOTE = 2000;
const MAX_AGE_DAYS = 7;
const CLOCK_SKEW_MS = 5 * 60_000;

export const sessionLogSchema = z.object({
  idempotencyKey: z.uuid({ error: 'Each log needs its own id (a UUID).' }),
  performedAt: z.iso.datetime({ offset: true, error: 'When the session happened is missing or not a date.' }),
  itemsDone: z.array(z.uuid({ error: 'Unknown exercise.' })).max(12, 'Too many exercises.'),
  painBefore: z.number({ error: 'Pain before must be a whole number from 0 to 10.' }).int('Pain before must be a whole number from 0 to 10.').min(0).max(10),
  painAfter: z.number({ error: 'Pain after must be a whole number from 0 to 10.' }).int('Pain after must be a whole number from 0 to 10.').min(0).max(10),
  symptoms: z.array(z.enum(SYMPTOM_CODES, { error: 'Unknown symptom.' })).max(SYMPTOM_CODES.length).default([]),
  note: z
    .string()
    .max(MAX_NOTE, `Notes are at most ${MAX_NOTE} characters.`)
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : null)),
});

export type SessionLogInput = z.infer<typeof sessionLogSchema>;

export type LogOutcome =
  | { ok: true; status: 'recorded' | 'duplicate'; logId: string; redFlags: string[] }
  | { ok: false; code: 'invalid' | 'conflict'; message: string; fieldErrors?: Record<string, string[]> };

/** The same body always hashes the same, whatever order the lists came in. */
function payloadHash(input: SessionLogInput): string {
  const canonical = {
    performedAt: new Date(input.performedAt).toISOString(),
    itemsDone: [...new Set(input.itemsDone)].sort(),
    painBefore: input.painBefore,
    painAfter: input.painAfter,
    symptoms: [...new Set(input.symptoms)].sort(),
    note: input.note,
  };
  return crypto.createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** The plan version in effect for this patient on a calendar day, with its exercise ids. */
export async function versionInEffect(patientId: string, clinicId: string, day: string) {
  const [version] = await db()
    .select({ planId: plans.id, versionId: planVersions.id })
    .from(planVersions)
    .innerJoin(plans, eq(plans.id, planVersions.planId))
    .where(
      and(
        eq(plans.patientId, patientId),
        eq(plans.clinicId, clinicId),
        lte(plans.startDate, day),
        or(isNull(plans.endDate), gte(plans.endDate, day)),
        lte(planVersions.effectiveDate, day),
      ),
    )
    .orderBy(desc(plans.startDate), desc(planVersions.version))
    .limit(1);
  if (!version) return null;
  const items = await db()
    .select({ exerciseId: planItems.exerciseId, sessionsPerDay: planItems.sessionsPerDay, daysOfWeek: planItems.daysOfWeek })
    .from(planItems)
    .where(eq(planItems.planVersionId, version.versionId))
    .orderBy(asc(planItems.position));
  return { ...version, items };
}

/**
 * Stores one session log, exactly once per idempotency key: a retry with the same body returns
 * the stored log, a different body under the same key is refused. Red flags raise an alert.
 */
export async function recordSessionLog(access: PatientAccess, input: SessionLogInput, now = new Date()): Promise<LogOutcome> {
  const performedAt = new Date(input.performedAt);
  if (performedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return { ok: false, code: 'invalid', message: 'That session is dated in the future.', fieldErrors: { performedAt: ['That session is dated in the future.'] } };
  }
  if (performedAt.getTime() < now.getTime() - MAX_AGE_DAYS * 86_400_000) {
    return { ok: false, code: 'invalid', message: `Sessions can be logged up to ${MAX_AGE_DAYS} days later.`, fieldErrors: { performedAt: [`Older than ${MAX_AGE_DAYS} days.`] } };
  }
  const localDay = formatInTimeZone(performedAt, access.timezone, 'yyyy-MM-dd');
  const version = await versionInEffect(access.patientId, access.clinicId, localDay);
  if (!version) return { ok: false, code: 'invalid', message: 'There was no plan in effect on that day.' };
  const allowed = new Set(version.items.map((i) => i.exerciseId));
  const stray = input.itemsDone.filter((id) => !allowed.has(id));
  if (stray.length) return { ok: false, code: 'invalid', message: 'Some exercises are not in your plan.', fieldErrors: { itemsDone: ['Some exercises are not in your plan.'] } };

  const hash = payloadHash(input);
  const redFlags = redFlagsOf(input);
  return db().transaction(async (tx) => {
    const [inserted] = await tx
      .insert(sessionLogs)
      .values({
        clinicId: access.clinicId,
        patientId: access.patientId,
        planId: version.planId,
        planVersionId: version.versionId,
        performedAt,
        localDay,
        itemsDone: [...new Set(input.itemsDone)],
        painBefore: input.painBefore,
        painAfter: input.painAfter,
        symptoms: [...new Set(input.symptoms)],
        note: input.note,
        idempotencyKey: input.idempotencyKey,
        payloadHash: hash,
      })
      .onConflictDoNothing({ target: [sessionLogs.patientId, sessionLogs.idempotencyKey] })
      .returning({ id: sessionLogs.id });
    if (!inserted) {
      const [existing] = await tx
        .select({ id: sessionLogs.id, payloadHash: sessionLogs.payloadHash })
        .from(sessionLogs)
        .where(and(eq(sessionLogs.patientId, access.patientId), eq(sessionLogs.idempotencyKey, input.idempotencyKey)));
      if (!existing || existing.payloadHash !== hash) {
        return { ok: false, code: 'conflict', message: 'A different log was already sent with this id.' } as const;
      }
      return { ok: true, status: 'duplicate', logId: existing.id, redFlags } as const;
    }
    if (redFlags.length) {
      await tx.insert(alerts).values({ clinicId: access.clinicId, patientId: access.patientId, sessionLogId: inserted.id, kind: 'red_flag', reasons: redFlags });
    }
    await tx
      .update(patients)
      .set({ lastSessionAt: sql`greatest(coalesce(${patients.lastSessionAt}, ${performedAt.toISOString()}::timestamptz), ${performedAt.toISOString()}::timestamptz)` })
      .where(eq(patients.id, access.patientId));
    return { ok: true, status: 'recorded', logId: inserted.id, redFlags } as const;
  });
}

export type LoggedSession = {
  id: string;
  performedAt: Date;
  localDay: string;
  itemsDone: string[];
  painBefore: number;
  painAfter: number;
  symptoms: string[];
  note: string | null;
  redFlags: string[] | null;
  alertStatus: string | null;
};

/** A patient's latest logs for their practitioner, with any red-flag alert each raised. */
export async function logsOfPatient(actor: { clinicId: string }, patientId: string, limit = 20): Promise<LoggedSession[]> {
  return db()
    .select({
      id: sessionLogs.id,
      performedAt: sessionLogs.performedAt,
      localDay: sessionLogs.localDay,
      itemsDone: sessionLogs.itemsDone,
      painBefore: sessionLogs.painBefore,
      painAfter: sessionLogs.painAfter,
      symptoms: sessionLogs.symptoms,
      note: sessionLogs.note,
      redFlags: alerts.reasons,
      alertStatus: alerts.status,
    })
    .from(sessionLogs)
    .leftJoin(alerts, eq(alerts.sessionLogId, sessionLogs.id))
    .where(and(eq(sessionLogs.patientId, patientId), eq(sessionLogs.clinicId, actor.clinicId)))
    .orderBy(desc(sessionLogs.performedAt))
    .limit(limit);
}
