import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Database, db } from '@/db/client';
import { patientLinks, patients } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import type { ActionState } from '@/lib/actions/action-state';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/guard';
import { hashToken, newToken } from '@/lib/patient-portal/link-access';

export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export type LinkRow = {
  id: string;
  label: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

export async function linksOfPatient(actor: Actor, patientId: string): Promise<LinkRow[]> {
  return db()
    .select({
      id: patientLinks.id,
      label: patientLinks.label,
      createdAt: patientLinks.createdAt,
      expiresAt: patientLinks.expiresAt,
      revokedAt: patientLinks.revokedAt,
      lastUsedAt: patientLinks.lastUsedAt,
    })
    .from(patientLinks)
    .where(and(eq(patientLinks.patientId, patientId), eq(patientLinks.clinicId, actor.clinicId)))
    .orderBy(desc(patientLinks.createdAt));
}

/** A new link inside the caller's transaction, with its audit entry; the token is returned once. */
export async function insertLink(
  tx: Tx,
  actor: Actor,
  patientId: string,
  label: string,
  expiresAt: Date | null,
  token = newToken(),
) {
  const [row] = await tx
    .insert(patientLinks)
    .values({
      clinicId: actor.clinicId,
      patientId,
      tokenHash: hashToken(token),
      label,
      expiresAt,
      createdBy: actor.userId,
    })
    .returning({ id: patientLinks.id });
  await audit(tx, actor, {
    action: 'patient_link.created',
    subjectType: 'patient',
    subjectId: patientId,
    detail: { linkId: row!.id },
  });
  return { token, linkId: row!.id };
}

async function activePatient(tx: Tx | Database, actor: Actor, patientId: string) {
  const [patient] = await tx
    .select({ id: patients.id, status: patients.status })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)))
    .limit(1);
  return patient ?? null;
}

export type IssuedLink = { token: string; linkId: string };

/** The one time a link's address exists outside the patient's hands: shown once, never stored. */
export type LinkActionState = ActionState & { created?: { url: string; qrSvg: string; label: string } };

const patientNotFound = fail('not_found', 'That patient is not in your clinic.');
const patientDischarged = fail('conflict', 'Reactivate this patient before giving them a link.');

/** A new link. The token is returned once, here, and never stored. */
export async function createPatientLink(
  actor: Actor,
  patientId: string,
  input: { label: string; expiresInDays: number | null },
): Promise<Result<IssuedLink>> {
  return db().transaction(async (tx) => {
    const patient = await activePatient(tx, actor, patientId);
    if (!patient) return patientNotFound;
    if (patient.status !== 'active') return patientDischarged;
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
    return ok(await insertLink(tx, actor, patientId, input.label, expiresAt));
  });
}

export async function revokePatientLink(actor: Actor, linkId: string): Promise<Result> {
  return db().transaction(async (tx) => {
    const updated = await tx
      .update(patientLinks)
      .set({ revokedAt: sql`coalesce(${patientLinks.revokedAt}, now())` })
      .where(and(eq(patientLinks.id, linkId), eq(patientLinks.clinicId, actor.clinicId)))
      .returning({ patientId: patientLinks.patientId });
    if (!updated[0]) return fail('not_found', 'That link is not in your clinic.');
    await audit(tx, actor, {
      action: 'patient_link.revoked',
      subjectType: 'patient',
      subjectId: updated[0].patientId,
      detail: { linkId },
    });
    return ok();
  });
}

/** Revokes every live link of a patient (inside the caller's transaction). */
export async function revokeAllLinks(tx: Tx, actor: Actor, patientId: string): Promise<number> {
  const revoked = await tx
    .update(patientLinks)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(patientLinks.patientId, patientId),
        eq(patientLinks.clinicId, actor.clinicId),
        isNull(patientLinks.revokedAt),
      ),
    )
    .returning({ id: patientLinks.id });
  return revoked.length;
}

/** "Rotate": every existing link stops working and one new link is issued. */
export async function rotatePatientLinks(actor: Actor, patientId: string, label: string): Promise<Result<IssuedLink>> {
  return db().transaction(async (tx) => {
    const patient = await activePatient(tx, actor, patientId);
    if (!patient) return patientNotFound;
    if (patient.status !== 'active') return patientDischarged;
    const revoked = await revokeAllLinks(tx, actor, patientId);
    await audit(tx, actor, {
      action: 'patient_link.rotated',
      subjectType: 'patient',
      subjectId: patientId,
      detail: { revoked },
    });
    return ok(await insertLink(tx, actor, patientId, label, null));
  });
}
