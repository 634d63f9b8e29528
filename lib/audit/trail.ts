import 'server-only';
import { and, asc, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { auditEvents, patients, users } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import type { Actor } from '@/lib/auth/guard';
import { clinicOf } from '@/lib/clinic/clinic';
import { dayBoundsIn } from '@/lib/dates';
import { toCsv } from '@/lib/http/csv';
import { auditActionLabel } from './action-names';
import type { AuditQuery } from './trail-query';

/** One audit row as the viewer shows it: the row's ids, with the names they stand for in this clinic. */
export type AuditTrailRow = {
  id: number;
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  actorLinkId: string | null;
  patientId: string | null;
  patientName: string | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  subjectType: string;
  subjectId: string | null;
  detail: Record<string, unknown> | null;
  clientAddress: string | null;
};

const onlyAdmins = (actor: Actor): Result<never> | null =>
  actor.role === 'admin' ? null : fail('forbidden', 'Only an admin can read the audit trail.');

const actorUsers = alias(users, 'audit_actor');
const auditPatients = alias(patients, 'audit_patient');

/** The clinic's rows the filters keep, days taken in the clinic's timezone. Never another clinic's. */
async function filters(actor: Actor, query: AuditQuery): Promise<SQL> {
  const conditions: SQL[] = [eq(auditEvents.clinicId, actor.clinicId)];
  if (query.patient) conditions.push(eq(auditEvents.patientId, query.patient));
  if (query.actor) conditions.push(eq(auditEvents.actorUserId, query.actor));
  if (query.action) conditions.push(eq(auditEvents.action, query.action));
  if (query.from || query.to) {
    const { timezone } = await clinicOf(actor);
    if (query.from) conditions.push(gte(auditEvents.createdAt, new Date(dayBoundsIn(query.from, timezone).from)));
    if (query.to) conditions.push(lt(auditEvents.createdAt, new Date(dayBoundsIn(query.to, timezone).to)));
  }
  return and(...conditions)!;
}

function selectRows(where: SQL, dir: AuditQuery['dir']) {
  return (
    db()
      .select({
        id: auditEvents.id,
        at: auditEvents.createdAt,
        actorUserId: auditEvents.actorUserId,
        actorName: actorUsers.name,
        actorLinkId: auditEvents.actorLinkId,
        patientId: auditEvents.patientId,
        patientName: auditPatients.name,
        action: auditEvents.action,
        outcome: auditEvents.outcome,
        subjectType: auditEvents.subjectType,
        subjectId: auditEvents.subjectId,
        detail: auditEvents.detail,
        clientAddress: auditEvents.clientAddress,
      })
      .from(auditEvents)
      // Names only from this clinic's own people: a refused request's id names no one here.
      .leftJoin(
        actorUsers,
        and(eq(actorUsers.id, auditEvents.actorUserId), eq(actorUsers.clinicId, auditEvents.clinicId)),
      )
      .leftJoin(
        auditPatients,
        and(eq(auditPatients.id, auditEvents.patientId), eq(auditPatients.clinicId, auditEvents.clinicId)),
      )
      .where(where)
      // The chain's order is the clinic's order of events.
      .orderBy(dir === 'asc' ? asc(auditEvents.seq) : desc(auditEvents.seq))
  );
}

/** One page of the clinic's audit trail, newest first unless asked otherwise. Admins only. */
export async function auditTrailPage(
  actor: Actor,
  query: AuditQuery,
): Promise<Result<{ rows: AuditTrailRow[]; total: number }>> {
  const refused = onlyAdmins(actor);
  if (refused) return refused;
  const where = await filters(actor, query);
  const [rows, [count]] = await Promise.all([
    selectRows(where, query.dir)
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(where),
  ]);
  return ok({ rows, total: count?.n ?? 0 });
}

/** Past this many rows an export asks for a narrower filter rather than building a huge file in memory. */
export const AUDIT_CSV_MAX_ROWS = 50_000;

/** The filtered trail as CSV: UTC times, every id, and the names the viewer shows. Admins only. */
export async function auditTrailCsv(actor: Actor, query: AuditQuery): Promise<Result<string>> {
  const refused = onlyAdmins(actor);
  if (refused) return refused;
  const rows = await selectRows(await filters(actor, query), query.dir).limit(AUDIT_CSV_MAX_ROWS + 1);
  if (rows.length > AUDIT_CSV_MAX_ROWS)
    return fail('invalid', `More than ${AUDIT_CSV_MAX_ROWS} rows: narrow the dates or filters and export again.`);
  return ok(
    toCsv(
      [
        'time_utc',
        'action',
        'action_name',
        'outcome',
        'actor_user_id',
        'actor_name',
        'actor_link_id',
        'patient_id',
        'patient_name',
        'subject_type',
        'subject_id',
        'detail',
        'client_address',
      ],
      rows.map((r) => [
        r.at.toISOString(),
        r.action,
        auditActionLabel(r.action),
        r.outcome,
        r.actorUserId,
        r.actorName,
        r.actorLinkId,
        r.patientId,
        r.patientName,
        r.subjectType,
        r.subjectId,
        r.detail ? JSON.stringify(r.detail) : null,
        r.clientAddress,
      ]),
    ),
  );
}

/** Who and whom the filters can name: the clinic's practitioners and patients, by name. */
export async function auditFilterChoices(actor: Actor) {
  const [people, patientRows] = await Promise.all([
    db()
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.clinicId, actor.clinicId))
      .orderBy(asc(users.name)),
    db()
      .select({ id: patients.id, name: patients.name })
      .from(patients)
      .where(eq(patients.clinicId, actor.clinicId))
      .orderBy(asc(patients.name)),
  ]);
  return { practitioners: people, patients: patientRows };
}
