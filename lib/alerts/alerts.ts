import 'server-only';
import { and, asc, count, desc, eq, inArray, isNotNull, max, ne, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import {
  ALERT_ACTIONS,
  type ALERT_EVENT_ACTIONS,
  alertEvents,
  alerts,
  patients,
  sessionLogs,
  users,
} from '@/db/schema';
import { fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/guard';
import { alertSeveritySql } from './severity';

export const ALERT_FILTERS = ['open', 'acknowledged', 'resolved', 'active'] as const;
export type AlertFilter = (typeof ALERT_FILTERS)[number];

/** Alerts per page of the inbox. */
export const ALERT_PAGE_SIZE = 25;

export const alertActionSchema = z
  .object({
    alertId: z.uuid({ error: 'Unknown alert.' }),
    action: z.enum(ALERT_ACTIONS, { error: 'Unknown action.' }),
    note: z
      .string()
      .trim()
      .max(1000, 'Notes are at most 1,000 characters.')
      .optional()
      .nullable()
      .transform((v) => v || null),
  })
  .refine((v) => v.action !== 'resolve' || v.note !== null, {
    path: ['note'],
    message: 'Say what was done before resolving the alert.',
  });

export type AlertEventView = {
  action: (typeof ALERT_EVENT_ACTIONS)[number];
  note: string | null;
  actorName: string | null;
  at: Date;
};

export type AlertView = {
  id: string;
  patientId: string;
  patientName: string;
  patientTimezone: string;
  reasons: string[];
  status: 'open' | 'acknowledged' | 'resolved';
  createdAt: Date;
  /** What was done about it, oldest first (a repeat only where it reopened the alert). */
  history: AlertEventView[];
  /** How often the patient reported it again after it was raised, and when last (null if never). */
  repeats: { count: number; lastAt: Date | null };
  log: {
    performedAt: Date;
    painBefore: number | null;
    painAfter: number | null;
    symptoms: string[];
    note: string | null;
  } | null;
};

const statusesOf = (filter: AlertFilter) =>
  filter === 'active' ? (['open', 'acknowledged'] as const) : ([filter] as const);

/** Most recently reported first: a red flag reported again comes back to the top. */
const NEWEST_FIRST = [desc(alerts.lastReportedAt), desc(alerts.createdAt), desc(alerts.id)];
/** The most severe first (lib/alerts/severity.ts), and within a severity the one waiting longest. */
const MOST_SEVERE_FIRST = [asc(alertSeveritySql(sql`${alerts.reasons}`)), asc(alerts.createdAt), asc(alerts.id)];

const repeatsOf = (row: { count: number; lastAt: Date | null } | undefined) => ({
  count: row?.count ?? 0,
  lastAt: row?.lastAt ?? null,
});

async function listAlerts(where: SQL | undefined, order: SQL[], limit: number, offset = 0): Promise<AlertView[]> {
  const rows = await db()
    .select({ alert: alerts, patientName: patients.name, patientTimezone: patients.timezone, log: sessionLogs })
    .from(alerts)
    .innerJoin(patients, and(eq(patients.id, alerts.patientId), eq(patients.clinicId, alerts.clinicId)))
    .leftJoin(sessionLogs, eq(sessionLogs.id, alerts.sessionLogId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const alertIds = rows.map((r) => r.alert.id);
  const [events, repeats] = alertIds.length
    ? await Promise.all([
        db()
          .select({
            alertId: alertEvents.alertId,
            action: alertEvents.action,
            note: alertEvents.note,
            actorName: users.name,
            at: alertEvents.createdAt,
          })
          .from(alertEvents)
          .leftJoin(users, eq(users.id, alertEvents.actorId))
          // A flood of repeats is one line ("reported again N times"); only a repeat that reopened it is history.
          .where(
            and(
              inArray(alertEvents.alertId, alertIds),
              or(ne(alertEvents.action, 'repeated'), isNotNull(alertEvents.note)),
            ),
          )
          .orderBy(asc(alertEvents.createdAt), asc(alertEvents.id)),
        db()
          .select({ alertId: alertEvents.alertId, count: count(), lastAt: max(alertEvents.createdAt) })
          .from(alertEvents)
          .where(and(inArray(alertEvents.alertId, alertIds), eq(alertEvents.action, 'repeated')))
          .groupBy(alertEvents.alertId),
      ])
    : [[], []];
  return rows.map(({ alert, patientName, patientTimezone, log }) => ({
    id: alert.id,
    patientId: alert.patientId,
    patientName,
    patientTimezone,
    reasons: alert.reasons,
    status: alert.status,
    createdAt: alert.createdAt,
    history: events.filter((e) => e.alertId === alert.id).map(({ alertId: _alertId, ...e }) => e),
    repeats: repeatsOf(repeats.find((r) => r.alertId === alert.id)),
    log: log
      ? {
          performedAt: log.performedAt,
          painBefore: log.painBefore,
          painAfter: log.painAfter,
          symptoms: log.symptoms,
          note: log.note,
        }
      : null,
  }));
}

/** One patient's alerts with the given status, newest first (the patient's page). */
export async function patientAlerts(actor: Actor, patientId: string, filter: AlertFilter): Promise<AlertView[]> {
  return listAlerts(
    and(
      eq(alerts.clinicId, actor.clinicId),
      eq(alerts.patientId, patientId),
      inArray(alerts.status, [...statusesOf(filter)]),
    ),
    NEWEST_FIRST,
    500,
  );
}

/**
 * A page of the clinic's alert inbox: "active" means open or acknowledged. What still needs
 * action comes most severe first, sorted in SQL before paging; resolved alerts are a record,
 * newest first.
 */
export async function alertInbox(actor: Actor, filter: AlertFilter, page = 1) {
  const where = and(eq(alerts.clinicId, actor.clinicId), inArray(alerts.status, [...statusesOf(filter)]));
  const order = filter === 'resolved' ? NEWEST_FIRST : MOST_SEVERE_FIRST;
  const [[counted], items] = await Promise.all([
    db().select({ total: count() }).from(alerts).where(where),
    listAlerts(where, order, ALERT_PAGE_SIZE, (page - 1) * ALERT_PAGE_SIZE),
  ]);
  const total = counted?.total ?? 0;
  return { alerts: items, total, page, pages: Math.max(1, Math.ceil(total / ALERT_PAGE_SIZE)) };
}

/** Which statuses each action may start from: nothing is acknowledged twice or resolved twice. */
const TRANSITIONS = {
  acknowledge: { from: ['open'], to: 'acknowledged', refused: 'That alert has already been acknowledged or resolved.' },
  resolve: { from: ['open', 'acknowledged'], to: 'resolved', refused: 'That alert is already resolved.' },
  reopen: { from: ['acknowledged', 'resolved'], to: 'open', refused: 'That alert is already open.' },
} as const;

/**
 * Acknowledge, resolve (with a note) or reopen an alert of the actor's clinic. The status moves
 * only from where the action allows, in the same statement that checks it, and every action is
 * kept with its note and author in the alert's history.
 */
export async function actOnAlert(actor: Actor, input: z.infer<typeof alertActionSchema>) {
  const step = TRANSITIONS[input.action];
  return db().transaction(async (tx) => {
    const [updated] = await tx
      .update(alerts)
      .set({ status: step.to })
      .where(
        and(eq(alerts.id, input.alertId), eq(alerts.clinicId, actor.clinicId), inArray(alerts.status, [...step.from])),
      )
      .returning({ patientId: alerts.patientId });
    if (!updated) {
      const [exists] = await tx
        .select({ id: alerts.id })
        .from(alerts)
        .where(and(eq(alerts.id, input.alertId), eq(alerts.clinicId, actor.clinicId)));
      return exists ? fail('conflict', step.refused) : fail('not_found', 'That alert is not in your clinic.');
    }
    await tx.insert(alertEvents).values({
      clinicId: actor.clinicId,
      alertId: input.alertId,
      action: input.action,
      note: input.note,
      actorId: actor.userId,
    });
    await audit(tx, actor, {
      action: `alert.${input.action}`,
      subjectType: 'patient',
      subjectId: updated.patientId,
      detail: { alertId: input.alertId },
    });
    return ok({ patientId: updated.patientId, status: step.to });
  });
}

/** How many of the clinic's alerts are open (not yet acknowledged): the count beside "Alerts". */
export async function openAlertCount(actor: Actor): Promise<number> {
  const [row] = await db()
    .select({ n: count() })
    .from(alerts)
    .where(and(eq(alerts.clinicId, actor.clinicId), eq(alerts.status, 'open')));
  return row?.n ?? 0;
}
