import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { clinics, patients, providers, referralEvents, referrals, type ReferralStatus, users } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/guard';
import { todayIn } from '@/lib/dates';
import type { CreateReferralInput, MoveReferralInput, RecordReportInput } from '@/lib/validation/referral';
import { canMove, refusalOf } from './status';

const notFound = fail('not_found', 'That referral is not in your clinic.');

/** The clinic's calendar day, for the day of a step when none was given. */
async function clinicToday(clinicId: string): Promise<string> {
  const [clinic] = await db().select({ timezone: clinics.timezone }).from(clinics).where(eq(clinics.id, clinicId));
  return todayIn(clinic?.timezone ?? 'UTC');
}

/**
 * Refers a patient of the actor's clinic to one of its active providers, as a draft or sent at
 * once. The referral, its first step and the audit entry commit together.
 */
export async function createReferral(actor: Actor, input: CreateReferralInput): Promise<Result<{ id: string }>> {
  const today = await clinicToday(actor.clinicId);
  return db().transaction(async (tx) => {
    const [patient] = await tx
      .select({ id: patients.id })
      .from(patients)
      .where(and(eq(patients.id, input.patientId), eq(patients.clinicId, actor.clinicId)));
    if (!patient) return fail('not_found', 'That patient is not in your clinic.');
    const [provider] = await tx
      .select({ id: providers.id, archivedAt: providers.archivedAt })
      .from(providers)
      .where(and(eq(providers.id, input.providerId), eq(providers.clinicId, actor.clinicId)));
    if (!provider)
      return fail('invalid', 'Choose a provider from your directory.', { providerId: ['Unknown provider.'] });
    if (provider.archivedAt)
      return fail('invalid', 'That provider is archived.', {
        providerId: ['That provider is archived: choose another, or restore them in the directory.'],
      });
    const status: ReferralStatus = input.send ? 'sent' : 'draft';
    const [row] = await tx
      .insert(referrals)
      .values({
        clinicId: actor.clinicId,
        patientId: input.patientId,
        providerId: input.providerId,
        createdBy: actor.userId,
        reason: input.reason,
        urgency: input.urgency,
        request: input.request,
        goal: input.goal,
        patientInformed: input.patientInformed,
        status,
        sentOn: input.send ? today : null,
      })
      .returning({ id: referrals.id });
    if (!row) throw new Error('referral insert returned nothing');
    await tx.insert(referralEvents).values({
      clinicId: actor.clinicId,
      referralId: row.id,
      actorUserId: actor.userId,
      kind: 'status',
      fromStatus: null,
      toStatus: status,
      occurredOn: today,
    });
    await audit(tx, actor, {
      action: 'referral.created',
      subjectType: 'referral',
      subjectId: row.id,
      patientId: input.patientId,
      detail: { providerId: input.providerId, status, urgency: input.urgency },
    });
    return ok({ id: row.id });
  });
}

const DAY_COLUMN = {
  sent: 'sentOn',
  booked: 'bookedOn',
  seen: 'seenOn',
  report_received: 'reportOn',
  declined: 'closedOn',
  cancelled: 'closedOn',
  draft: null,
} as const;

/** Moves a referral one step (only the steps status.ts allows), recording the day, author and note. */
export async function moveReferral(
  actor: Actor,
  input: MoveReferralInput,
): Promise<Result<{ status: ReferralStatus }>> {
  const today = await clinicToday(actor.clinicId);
  const on = input.on ?? today;
  if (on > today)
    return fail('invalid', 'A step cannot be dated in the future.', { on: ['A step cannot be dated in the future.'] });
  return db().transaction(async (tx) => {
    const [current] = await tx
      .select({ status: referrals.status, patientId: referrals.patientId })
      .from(referrals)
      .where(and(eq(referrals.id, input.referralId), eq(referrals.clinicId, actor.clinicId)))
      .for('update');
    if (!current) return notFound;
    if (!canMove(current.status, input.to)) return fail('conflict', refusalOf(current.status, input.to));
    if (input.to === 'report_received')
      return fail('conflict', 'Record the report itself: its findings and date complete the referral.');
    const column = DAY_COLUMN[input.to];
    await tx
      .update(referrals)
      .set({ status: input.to, updatedAt: new Date(), ...(column ? { [column]: on } : {}) })
      .where(and(eq(referrals.id, input.referralId), eq(referrals.clinicId, actor.clinicId)));
    await tx.insert(referralEvents).values({
      clinicId: actor.clinicId,
      referralId: input.referralId,
      actorUserId: actor.userId,
      kind: 'status',
      fromStatus: current.status,
      toStatus: input.to,
      occurredOn: on,
      note: input.note,
    });
    await audit(tx, actor, {
      action: 'referral.status_changed',
      subjectType: 'referral',
      subjectId: input.referralId,
      patientId: current.patientId,
      detail: { from: current.status, to: input.to, on },
    });
    return ok({ status: input.to });
  });
}

/** The provider's report back: findings, recommendations and its date; the referral is then complete. */
export async function recordReport(actor: Actor, input: RecordReportInput): Promise<Result> {
  const today = await clinicToday(actor.clinicId);
  if (input.reportOn > today)
    return fail('invalid', 'A report cannot be dated in the future.', {
      reportOn: ['A report cannot be dated in the future.'],
    });
  return db().transaction(async (tx) => {
    const [current] = await tx
      .select({ status: referrals.status, patientId: referrals.patientId })
      .from(referrals)
      .where(and(eq(referrals.id, input.referralId), eq(referrals.clinicId, actor.clinicId)))
      .for('update');
    if (!current) return notFound;
    if (current.status !== 'seen' && current.status !== 'report_received')
      return fail('conflict', 'A report can be recorded once the patient has been seen.');
    await tx
      .update(referrals)
      .set({
        status: 'report_received',
        reportFindings: input.findings,
        reportRecommendations: input.recommendations,
        reportOn: input.reportOn,
        updatedAt: new Date(),
      })
      .where(and(eq(referrals.id, input.referralId), eq(referrals.clinicId, actor.clinicId)));
    await tx.insert(referralEvents).values({
      clinicId: actor.clinicId,
      referralId: input.referralId,
      actorUserId: actor.userId,
      kind: 'report',
      fromStatus: current.status,
      toStatus: 'report_received',
      occurredOn: input.reportOn,
    });
    await audit(tx, actor, {
      action: 'referral.report_recorded',
      subjectType: 'referral',
      subjectId: input.referralId,
      patientId: current.patientId,
      detail: { reportOn: input.reportOn },
    });
    return ok();
  });
}

/** A patient's referrals for their practitioner, newest first, with the provider and every step. */
export async function referralsOfPatient(actor: Actor, patientId: string) {
  const rows = await db()
    .select({
      referral: referrals,
      providerName: providers.name,
      providerDiscipline: providers.discipline,
      providerPhone: providers.phone,
      providerArchived: sql<boolean>`${providers.archivedAt} is not null`,
      authorName: users.name,
    })
    .from(referrals)
    .innerJoin(providers, and(eq(providers.id, referrals.providerId), eq(providers.clinicId, referrals.clinicId)))
    .leftJoin(users, eq(users.id, referrals.createdBy))
    .where(and(eq(referrals.patientId, patientId), eq(referrals.clinicId, actor.clinicId)))
    .orderBy(desc(referrals.createdAt));
  if (rows.length === 0) return [];
  const events = await db()
    .select({
      referralId: referralEvents.referralId,
      kind: referralEvents.kind,
      fromStatus: referralEvents.fromStatus,
      toStatus: referralEvents.toStatus,
      occurredOn: referralEvents.occurredOn,
      note: referralEvents.note,
      actorName: users.name,
      createdAt: referralEvents.createdAt,
    })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.actorUserId))
    .where(
      and(
        eq(referralEvents.clinicId, actor.clinicId),
        sql`${referralEvents.referralId} = any(${`{${rows.map((r) => r.referral.id).join(',')}}`}::uuid[])`,
      ),
    )
    .orderBy(asc(referralEvents.createdAt), asc(referralEvents.id));
  return rows.map((r) => ({
    ...r.referral,
    provider: {
      name: r.providerName,
      discipline: r.providerDiscipline,
      phone: r.providerPhone,
      archived: r.providerArchived,
    },
    authorName: r.authorName,
    events: events.filter((e) => e.referralId === r.referral.id),
  }));
}

export type PatientReferral = Awaited<ReturnType<typeof referralsOfPatient>>[number];
