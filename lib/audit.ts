import 'server-only';
import { headers } from 'next/headers';
import type { Database } from '@/db/client';
import { type AuditOutcome, auditEvents } from '@/db/schema';
import { clientAddress } from '@/lib/http/client-address';

/**
 * Who acted: a practitioner (an Actor fits), a patient through their link, or, for a failed
 * sign-in, the account the email named (null clinic and user when it named none).
 */
export type AuditActor = { clinicId: string | null; userId?: string | null; linkId?: string | null };

export type AuditEvent = {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** Whose record. Left out, the subject when the subject is a patient; null names no one. */
  patientId?: string | null;
  outcome?: AuditOutcome;
  /** Field names, ids and codes only: never tokens, passwords or text someone typed. */
  detail?: Record<string, unknown>;
  /** The caller's address; read from the request when left out. */
  address?: string | null;
};

/** The address of the request being served, or null outside one (seeds, scripts, tests). */
export async function requestAddress(): Promise<string | null> {
  try {
    const address = clientAddress(await headers());
    return address === 'unknown' ? null : address;
  } catch {
    return null;
  }
}

/** The row audit() writes, for a statement that inserts it itself (lib/patient-portal/record-log.ts). */
export async function auditRow(actor: AuditActor, event: AuditEvent): Promise<typeof auditEvents.$inferInsert> {
  return {
    clinicId: actor.clinicId,
    actorUserId: actor.userId ?? null,
    actorLinkId: actor.linkId ?? null,
    patientId:
      event.patientId !== undefined
        ? event.patientId
        : event.subjectType === 'patient'
          ? (event.subjectId ?? null)
          : null,
    action: event.action,
    outcome: event.outcome ?? 'ok',
    subjectType: event.subjectType,
    subjectId: event.subjectId ?? null,
    detail: event.detail ?? null,
    clientAddress: event.address !== undefined ? event.address : await requestAddress(),
  };
}

/**
 * Appends who did what to the clinic's audit chain. Pass the transaction so the record and the
 * change commit together: a failed audit write fails the change. The row locks the clinic's chain
 * head until commit (db/migrations/0014_audit_trail.sql), so write it last in the transaction.
 */
export async function audit(tx: Pick<Database, 'insert'>, actor: AuditActor, event: AuditEvent) {
  await tx.insert(auditEvents).values(await auditRow(actor, event));
}
