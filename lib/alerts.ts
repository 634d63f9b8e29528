import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import { alerts, patients, sessionLogs, users } from '@/db/schema';
import { audit } from './audit';
import type { Actor } from './auth/guard';

export const ALERT_FILTERS = ['open', 'acknowledged', 'resolved', 'active'] as const;

export const alertActionSchema = z.object({
  alertId: z.uuid({ error: 'Unknown alert.' }),
  action: z.enum(['acknowledge', 'resolve', 'reopen'], { error: 'Unknown action.' }),
  note: z
    .string()
    .trim()
    .max(1000, 'Notes are at most 1,000 characters.')
    .optional()
    .transform((v) => v || null),
});

export type AlertView = {
  id: string;
  patientId: string;
  patientName: string;
  reasons: string[];
  status: 'open' | 'acknowledged' | 'resolved';
  note: string | null;
  createdAt: Date;
  handledAt: Date | null;
  handledByName: string | null;
  log: { performedAt: Date; painBefore: number; painAfter: number; symptoms: string[]; note: string | null } | null;
};

/** The clinic's alerts, newest first: "active" means open or acknowledged. */
export async function clinicAlerts(actor: Actor, filter: (typeof ALERT_FILTERS)[number] = 'active', patientId?: string): Promise<AlertView[]> {
  const statuses = filter === 'active' ? (['open', 'acknowledged'] as const) : ([filter] as const);
  const rows = await db()
    .select({ alert: alerts, patientName: patients.name, handledByName: users.name, log: sessionLogs })
    .from(alerts)
    .innerJoin(patients, and(eq(patients.id, alerts.patientId), eq(patients.clinicId, alerts.clinicId)))
    .leftJoin(users, eq(users.id, alerts.handledBy))
    .leftJoin(sessionLogs, eq(sessionLogs.id, alerts.sessionLogId))
    .where(and(eq(alerts.clinicId, actor.clinicId), inArray(alerts.status, [...statuses]), patientId ? eq(alerts.patientId, patientId) : undefined))
    .orderBy(desc(alerts.createdAt))
    .limit(200);
  return rows.map(({ alert, patientName, handledByName, log }) => ({
    id: alert.id,
    patientId: alert.patientId,
    patientName,
    reasons: alert.reasons,
    status: alert.status,
    note: alert.note,
    createdAt: alert.createdAt,
    handledAt: alert.handledAt,
    handledByName,
    log: log ? { performedAt: log.performedAt, painBefore: log.painBefore, painAfter: log.painAfter, symptoms: log.symptoms, note: log.note } : null,
  }));
}

const NEXT_STATUS = { acknowledge: 'acknowledged', resolve: 'resolved', reopen: 'open' } as const;

/** Acknowledge, resolve (with a note) or reopen an alert of the actor's clinic. */
export async function actOnAlert(actor: Actor, input: z.infer<typeof alertActionSchema>) {
  return db().transaction(async (tx) => {
    const status = NEXT_STATUS[input.action];
    const updated = await tx
      .update(alerts)
      .set({ status, note: input.note, handledBy: actor.userId, handledAt: new Date() })
      .where(and(eq(alerts.id, input.alertId), eq(alerts.clinicId, actor.clinicId)))
      .returning({ patientId: alerts.patientId });
    if (!updated[0]) return { ok: false, code: 'not_found', message: 'That alert is not in your clinic.' } as const;
    await audit(tx, actor, { action: `alert.${input.action}`, subjectType: 'patient', subjectId: updated[0].patientId, detail: { alertId: input.alertId } });
    return { ok: true, patientId: updated[0].patientId, status } as const;
  });
}
