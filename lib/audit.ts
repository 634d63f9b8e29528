import 'server-only';
import type { Database } from '@/db/client';
import { auditEvents } from '@/db/schema';
import type { Actor } from './auth/guard';

type AuditInput = {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
};

/** Appends who did what. Pass the transaction so the record and the change commit together. */
export async function audit(
  tx: Pick<Database, 'insert'>,
  actor: Pick<Actor, 'clinicId' | 'userId'>,
  event: AuditInput,
) {
  await tx.insert(auditEvents).values({
    clinicId: actor.clinicId,
    actorUserId: actor.userId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId ?? null,
    detail: event.detail ?? null,
  });
}
