import 'server-only';
import { and, asc, desc, eq, gte } from 'drizzle-orm';
import { db } from '@/db/client';
import { alerts, patients, providers, referralEvents, referrals, sessionLogs, users } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { dailyForPatient } from '@/lib/adherence/adherence';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { todayIn } from '@/lib/dates';
import { activePlanId, planDetail } from '@/lib/plans/read';
import { currentScreening } from '@/lib/screening/screening';
import { letterWeeks } from './letter-weeks';

/** How many red flags the letter lists by name; older ones are counted. */
const RED_FLAGS_LISTED = 8;

/**
 * Everything a referral letter says, or null when the referral is not this patient's in the
 * actor's clinic. The recipient is read even when archived since: the letter is about this referral.
 */
export async function referralLetter(actor: Actor, patientId: string, referralId: string, now = new Date()) {
  const [row] = await db()
    .select({
      referral: referrals,
      provider: {
        name: providers.name,
        discipline: providers.discipline,
        organisation: providers.organisation,
        address: providers.address,
        phone: providers.phone,
        email: providers.email,
      },
      patient: { id: patients.id, name: patients.name, birthYear: patients.birthYear, timezone: patients.timezone },
      referrer: { name: users.name, email: users.email, discipline: users.discipline },
    })
    .from(referrals)
    .innerJoin(providers, and(eq(providers.id, referrals.providerId), eq(providers.clinicId, referrals.clinicId)))
    .innerJoin(patients, and(eq(patients.id, referrals.patientId), eq(patients.clinicId, referrals.clinicId)))
    .leftJoin(users, and(eq(users.id, referrals.createdBy), eq(users.clinicId, referrals.clinicId)))
    .where(
      and(eq(referrals.id, referralId), eq(referrals.patientId, patientId), eq(referrals.clinicId, actor.clinicId)),
    )
    .limit(1);
  if (!row) return null;

  const days = await dailyForPatient(actor.clinicId, patientId, 28, now);
  const from = days[0]?.day ?? todayIn(row.patient.timezone);
  const [clinic, screening, planId, logs, redFlags] = await Promise.all([
    clinicOf(actor),
    currentScreening(actor, patientId),
    activePlanId(actor, patientId),
    db()
      .select({ day: sessionLogs.localDay, painBefore: sessionLogs.painBefore, painAfter: sessionLogs.painAfter })
      .from(sessionLogs)
      .where(
        and(
          eq(sessionLogs.clinicId, actor.clinicId),
          eq(sessionLogs.patientId, patientId),
          gte(sessionLogs.localDay, from),
        ),
      )
      .orderBy(asc(sessionLogs.localDay)),
    db()
      .select({ createdAt: alerts.createdAt, reasons: alerts.reasons, status: alerts.status })
      .from(alerts)
      .where(and(eq(alerts.clinicId, actor.clinicId), eq(alerts.patientId, patientId), eq(alerts.kind, 'red_flag')))
      .orderBy(desc(alerts.createdAt)),
  ]);
  const plan = planId ? await planDetail(actor, planId) : null;
  return {
    clinic,
    referral: row.referral,
    provider: row.provider,
    patient: row.patient,
    // The referrer's account may be gone; the letter is then signed by whoever prints it.
    referrer: row.referrer ?? { name: actor.name, email: actor.email, discipline: 'other' as const },
    screening,
    plan: plan && plan.versions[0] ? { startDate: plan.startDate, current: plan.versions[0] } : null,
    weeks: letterWeeks(days, logs),
    redFlags: redFlags.slice(0, RED_FLAGS_LISTED),
    earlierRedFlags: Math.max(0, redFlags.length - RED_FLAGS_LISTED),
    printedOn: todayIn(clinic.timezone, now),
  };
}

export type ReferralLetter = NonNullable<Awaited<ReturnType<typeof referralLetter>>>;

/** Records that the letter was printed (who, when) on the referral's history, with its audit entry. */
export async function recordLetterPrinted(actor: Actor, referralId: string): Promise<Result> {
  const clinic = await clinicOf(actor);
  return db().transaction(async (tx) => {
    const [referral] = await tx
      .select({ id: referrals.id, patientId: referrals.patientId })
      .from(referrals)
      .where(and(eq(referrals.id, referralId), eq(referrals.clinicId, actor.clinicId)));
    if (!referral) return fail('not_found', 'That referral is not in your clinic.');
    await tx.insert(referralEvents).values({
      clinicId: actor.clinicId,
      referralId,
      actorUserId: actor.userId,
      kind: 'letter_printed',
      occurredOn: todayIn(clinic.timezone),
    });
    await audit(tx, actor, {
      action: 'referral.letter_printed',
      subjectType: 'referral',
      subjectId: referralId,
      patientId: referral.patientId,
    });
    return ok();
  });
}
