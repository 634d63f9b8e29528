import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { db } from '@/db/client';
import { alerts, patientFigures, patients, users } from '@/db/schema';
import { searchTextSql } from '@/db/search-text';
import { freshenFigures, rosterFigures } from '@/lib/adherence/figures';
import type { Actor } from '@/lib/auth/guard';
import { daysSince } from '@/lib/dates';
import type { RosterQuery } from '@/lib/validation/patient';

export type RosterRow = {
  id: string;
  name: string;
  status: 'active' | 'discharged';
  birthYear: number | null;
  timezone: string;
  primaryPractitionerId: string | null;
  primaryPractitionerName: string | null;
  lastSessionAt: string | null;
  /** Calendar days since the last session where the patient is, counted on the server as the dashboard counts them. */
  daysSinceLastSession: number | null;
  createdAt: string;
  /** Filled for active patients on the page, from the same stored figures as the dashboard. */
  adherence7: number | null;
  adherence28: number | null;
  /** 7-day adherence ending on each of the last 28 days (the sparkline). */
  trend: (number | null)[];
  painAfter7: number | null;
  painChange: number | null;
  openRedFlags: number;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of the roster, filtered, sorted and counted in SQL. */
export async function rosterPage(actor: Actor, query: RosterQuery): Promise<{ rows: RosterRow[]; total: number }> {
  const filters: SQL[] = [eq(patients.clinicId, actor.clinicId)];
  if (query.status !== 'all') filters.push(eq(patients.status, query.status));
  if (query.practitioner === 'me') filters.push(eq(patients.primaryPractitionerId, actor.userId));
  else if (query.practitioner) filters.push(eq(patients.primaryPractitionerId, query.practitioner));
  if (query.q) {
    // Name, email or phone, whatever the apostrophes, accents or case (db/search-text.ts).
    const typed = searchTextSql(sql`${escapeLike(query.q)}::text`);
    filters.push(sql`${patients.searchText} like '%' || ${typed} || '%'`);
  }
  const where = and(...filters)!;
  const direction = query.dir === 'desc' ? desc : asc;
  // Adherence and pain come from the stored figures of active patients (made current first, so
  // the order is today's), open red flags are counted live; a discharged patient's row shows
  // none of them, so sorts by them leave it blank too.
  const figure = (value: AnyPgColumn | SQL) => sql`case when ${patients.status} = 'active' then ${value} end`;
  const sortColumn = {
    name: sql`lower(${patients.name})`,
    created: patients.createdAt,
    last_session: patients.lastSessionAt,
    adherence7: figure(patientFigures.adherence7),
    adherence28: figure(patientFigures.adherence28),
    pain: figure(patientFigures.painChange),
    alerts: figure(
      sql`(select count(*) from ${alerts} where ${alerts.patientId} = ${patients.id} and ${alerts.clinicId} = ${actor.clinicId} and ${alerts.status} = 'open')`,
    ),
  }[query.sort];
  const byFigures = query.sort === 'adherence7' || query.sort === 'adherence28' || query.sort === 'pain';
  const blanksLast = byFigures || query.sort === 'alerts' || query.sort === 'last_session';
  if (byFigures) await freshenFigures(actor.clinicId, where);
  // Patients without the figure (or never logged) sort last whichever way, and the id keeps pages stable.
  const order = [
    blanksLast ? sql`${sortColumn} is null` : undefined,
    direction(sortColumn),
    query.sort !== 'name' ? asc(sql`lower(${patients.name})`) : undefined,
    asc(patients.id),
  ].filter((o): o is SQL => o !== undefined);

  const [rows, [count]] = await Promise.all([
    db()
      .select({
        id: patients.id,
        name: patients.name,
        status: patients.status,
        birthYear: patients.birthYear,
        timezone: patients.timezone,
        primaryPractitionerId: patients.primaryPractitionerId,
        primaryPractitionerName: users.name,
        lastSessionAt: patients.lastSessionAt,
        createdAt: patients.createdAt,
      })
      .from(patients)
      .leftJoin(users, eq(users.id, patients.primaryPractitionerId))
      .leftJoin(patientFigures, eq(patientFigures.patientId, patients.id))
      .where(where)
      .orderBy(...order)
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db()
      .select({ n: sql<number>`count(*)::int` })
      .from(patients)
      .where(where),
  ]);
  // Adherence for just this page's patients: one query, whatever the page size.
  const figures = rows.length ? await rosterFigures(actor.clinicId, { patientIds: rows.map((r) => r.id) }) : [];
  const byId = new Map(figures.map((f) => [f.patientId, f]));
  const now = new Date();
  return {
    total: count?.n ?? 0,
    rows: rows.map((r) => ({
      ...r,
      lastSessionAt: r.lastSessionAt?.toISOString() ?? null,
      daysSinceLastSession: daysSince(r.lastSessionAt, r.timezone, now),
      createdAt: r.createdAt.toISOString(),
      adherence7: byId.get(r.id)?.adherence7 ?? null,
      adherence28: byId.get(r.id)?.adherence28 ?? null,
      trend: byId.get(r.id)?.trend ?? [],
      painAfter7: byId.get(r.id)?.painAfter7 ?? null,
      painChange: byId.get(r.id)?.painChange ?? null,
      openRedFlags: byId.get(r.id)?.openRedFlags ?? 0,
    })),
  };
}
