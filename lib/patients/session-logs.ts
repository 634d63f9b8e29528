import 'server-only';
import { and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
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

/** Logged sessions per page of the patient's page. */
export const LOG_PAGE_SIZE = 20;

/** The page of logs in the address (`?logs=2`); anything else is the first. */
export const logPageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

const ofPatient = (actor: Actor, patientId: string) =>
  and(eq(sessionLogs.patientId, patientId), eq(sessionLogs.clinicId, actor.clinicId));

/** A patient's latest logs for their practitioner, with any red-flag alert each raised. */
export async function logsOfPatient(
  actor: Actor,
  patientId: string,
  limit = LOG_PAGE_SIZE,
  offset = 0,
): Promise<LoggedSession[]> {
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
    .where(ofPatient(actor, patientId))
    .orderBy(desc(sessionLogs.performedAt), desc(sessionLogs.id))
    .limit(limit)
    .offset(offset);
}

export type LogPage = { logs: LoggedSession[]; total: number; page: number; pageSize: number };

/**
 * One page of a patient's logs, newest first, paged in SQL. A page past the end (an old link
 * after logs were removed) shows the last one.
 */
export async function logPageOfPatient(actor: Actor, patientId: string, page: number): Promise<LogPage> {
  const [counted] = await db().select({ total: count() }).from(sessionLogs).where(ofPatient(actor, patientId));
  const total = counted?.total ?? 0;
  const shown = Math.min(page, Math.max(1, Math.ceil(total / LOG_PAGE_SIZE)));
  const logs = total ? await logsOfPatient(actor, patientId, LOG_PAGE_SIZE, (shown - 1) * LOG_PAGE_SIZE) : [];
  return { logs, total, page: shown, pageSize: LOG_PAGE_SIZE };
}
