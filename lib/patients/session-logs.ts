import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { alerts, sessionLogs } from '@/db/schema';
import type { Actor } from '@/lib/auth/guard';

export type LoggedSession = {
  id: string;
  performedAt: Date;
  localDay: string;
  itemsDone: string[];
  /** Exercises started but with a position or a set skipped. */
  itemsPartial: string[];
  painBefore: number | null;
  painAfter: number | null;
  symptoms: string[];
  note: string | null;
  redFlags: string[] | null;
  alertStatus: string | null;
};

/** A patient's latest logs for their practitioner, with any red-flag alert each raised. */
export async function logsOfPatient(actor: Actor, patientId: string, limit = 20): Promise<LoggedSession[]> {
  return db()
    .select({
      id: sessionLogs.id,
      performedAt: sessionLogs.performedAt,
      localDay: sessionLogs.localDay,
      itemsDone: sessionLogs.itemsDone,
      itemsPartial: sessionLogs.itemsPartial,
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
