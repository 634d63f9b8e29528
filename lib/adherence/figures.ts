import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import os from 'node:os';
import { db, dbHandle, rowsOf } from '@/db/client';
import { type AdherenceRow, adherenceRows, analytical } from './adherence';
import { type AttentionReason, withAttention } from './attention';
import { alertSeveritySql, attentionSeveritySql } from '@/lib/alerts/severity';

/**
 * The roster's adherence figures as the dashboard, the roster and the exports read them.
 *
 * Computing them means reading every plan version and log of the window and counting each day
 * (lib/adherence/adherence.ts: ~0.05 ms a patient on PostgreSQL, 2,000 patients), so each
 * patient's result is stored in patient_figures with the patients.figures_version and the local
 * day it was computed for. Database triggers move that version whenever a log, plan, version,
 * item, timezone or status changes, so a stored row is used only while nothing it was made of
 * has changed and the patient's day has not turned; the rest are recomputed here, when asked (no
 * background job), in one roster read for just those patients. Open red flags are always counted
 * live.
 */
export type FiguresRow = Omit<AdherenceRow, 'prescribedDays7'> & {
  name: string;
  timezone: string;
  practitionerName: string | null;
  /** The latest session's instant (ISO 8601), which pages word with lib/dates.ts in the patient's timezone. */
  lastSessionAt: string | null;
  /** Pain after sessions, last 7 days against the 7 before (null without both). */
  painChange: number | null;
  /** The same for pain before sessions. */
  painBeforeChange: number | null;
  /** Why this patient needs attention, if they do (lib/attention.ts). */
  reasons: AttentionReason[];
  /** The stored timezone is one the database does not know: no figures, and the roster says so. */
  timezoneInvalid: boolean;
};

type Scope = { practitionerId?: string | null; patientIds?: string[]; now?: Date };

function scopeFilter(scope: Scope): SQL {
  const parts: SQL[] = [];
  if (scope.practitionerId) parts.push(sql`and p.primary_practitioner_id = ${scope.practitionerId}::uuid`);
  if (scope.patientIds) parts.push(sql`and p.id = any(${`{${scope.patientIds.join(',')}}`}::uuid[])`);
  return sql.join(parts, sql` `);
}

/**
 * Each patient's local day at `now` as `z.today` (null for a zone the database does not know).
 * rollcall_valid_timezone is plpgsql with an exception block, ~1.7 µs a call; as a lateral
 * subquery (`offset 0` keeps it one) the planner memoizes it by zone, so a clinic's few zones are
 * checked once each instead of once a patient: 5.0 → 1.6 ms over 2,000 patients.
 */
const localDay = (now: string, p: SQL = sql.raw('p')) =>
  sql`cross join lateral (select (${now}::timestamptz at time zone rollcall_valid_timezone(${p}.timezone))::date as today offset 0) z`;

/** Whether a patient's stored figures (f) are current: same figures version, same local day (localDay's z). */
const isFresh = (p: SQL = sql.raw('p')) => sql`f.version = ${p}.figures_version and f.today = z.today`;

const openRedFlags = (clinicId: string) => sql`
    left join (
      select patient_id, count(*)::int as open, min(${alertSeveritySql(sql.raw('reasons'))}) as severity,
             min(created_at) as since
      from alerts
      -- Red flags only: a patient asking for an appointment is not a red flag.
      where clinic_id = ${clinicId}::uuid and status = 'open' and kind = 'red_flag'
      group by patient_id
    ) a on a.patient_id = p.id`;

/** Who needs attention: the stored reasons, and an open red flag counted live, first. */
const reasonsColumn = sql`case when a.open > 0 then array['red_flag'] || coalesce(f.reasons, '{}') else coalesce(f.reasons, '{}') end`;

/**
 * Every active patient in scope with their stored figures (camelCase columns, as FiguresRow),
 * `fresh` (whether they are current) and open red flags counted live: the wide rows the
 * dashboard shows, the roster page's figures and the exports.
 */
export function storedFiguresSql(clinicId: string, scope: Scope | { patientIdsIn: SQL }, now: string): SQL {
  const filter = 'patientIdsIn' in scope ? sql`and p.id in (${scope.patientIdsIn})` : scopeFilter(scope);
  return sql`
    select p.id as "patientId", p.name, p.timezone, u.name as "practitionerName",
           to_json(p.last_session_at) #>> '{}' as "lastSessionAt",
           z.today::text as today,
           z.today is null as "timezoneInvalid",
           f.version as "figuresVersion", coalesce(${isFresh()}, false) as fresh,
           coalesce(f.prescribed7, 0) as "prescribed7", coalesce(f.completed7, 0) as "completed7", coalesce(f.logged7, 0) as "logged7",
           coalesce(f.prescribed28, 0) as "prescribed28", coalesce(f.completed28, 0) as "completed28",
           f.adherence7 as "adherence7", f.adherence28 as "adherence28",
           f.last_session_day::text as "lastSessionDay", (f.today - f.last_session_day) as "daysSinceLastSession",
           coalesce(f.missed_prescribed_days, 0) as "missedPrescribedDays",
           f.pain_before7 as "painBefore7", f.pain_after7 as "painAfter7", f.pain_after_previous7 as "painAfterPrevious7",
           f.pain_before_previous7 as "painBeforePrevious7", f.pain_before_change as "painBeforeChange",
           f.pain_change as "painChange", coalesce(f.trend, '{}') as trend, coalesce(a.open, 0)::int as "openRedFlags",
           ${reasonsColumn} as reasons
    from patients p
    ${localDay(now)}
    left join users u on u.id = p.primary_practitioner_id
    left join patient_figures f on f.patient_id = p.id
    ${openRedFlags(clinicId)}
    where p.clinic_id = ${clinicId}::uuid and p.status = 'active' ${filter}
  `;
}

/**
 * The same patients with only what sorting, counting and flagging need: the dashboard reads
 * this for the whole roster and the wide rows (storedFiguresSql) for the few it shows. `severity`
 * (lib/alerts/severity.ts) ranks who needs attention; `openAlertSince` is their oldest open alert.
 */
export function figureKeysSql(clinicId: string, scope: Scope, now: string): SQL {
  return sql`
    select p.id as "patientId", lower(p.name) as "sortName", coalesce(${isFresh()}, false) as fresh,
           f.adherence7 as "adherence7", f.adherence28 as "adherence28", f.last_session_day as "lastSessionDay",
           f.pain_change as "painChange", coalesce(a.open, 0)::int as "openRedFlags", ${reasonsColumn} as reasons,
           ${attentionSeveritySql(sql.raw('a.severity'), sql`coalesce(f.reasons, '{}')`)} as severity,
           a.since as "openAlertSince"
    from patients p
    ${localDay(now)}
    left join patient_figures f on f.patient_id = p.id
    ${openRedFlags(clinicId)}
    where p.clinic_id = ${clinicId}::uuid and p.status = 'active' ${scopeFilter(scope)}
  `;
}

/**
 * Recomputes the given patients' figures and stores them. One refresh of each part per clinic at
 * a time (an advisory lock), and only for patients still without current figures once the lock
 * is held: eight practitioners opening the dashboard together after a change wait for one
 * computation instead of running eight.
 */
async function refresh(clinicId: string, patientIds: string[], now: Date): Promise<void> {
  const parts = refreshParts(patientIds.length);
  if (parts === 1) return refreshPart(clinicId, patientIds, now, 0);
  // A whole roster gone stale (a new day) is split over the database's cores: each part is its
  // own query on its own connection, under its own lock, so the first view after midnight waits
  // for the largest part instead of the whole (docs/benchmarks.md, issue 18).
  const sorted = [...patientIds].sort();
  const size = Math.ceil(sorted.length / parts);
  await Promise.all(
    Array.from({ length: parts }, (_, k) => refreshPart(clinicId, sorted.slice(k * size, (k + 1) * size), now, k)),
  );
}

/** Below this many stale patients one query is quicker than several (each has its fixed cost). */
const PARALLEL_FROM = 200;

/** How many parts: one on PGlite (a single connection), else up to the machine's cores (at most 4). */
function refreshParts(stale: number): number {
  if (stale < PARALLEL_FROM || dbHandle().kind !== 'postgres') return 1;
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

/** The computed rows as a table (the columns lib/adherence/attention.ts reads), sent as one JSON parameter. */
function computedSql(rows: AdherenceRow[]): SQL {
  const base = rows.map((r) => ({
    patientId: r.patientId,
    today: r.today,
    figuresVersion: r.figuresVersion,
    prescribed7: r.prescribed7,
    completed7: r.completed7,
    logged7: r.logged7,
    prescribedDays7: r.prescribedDays7,
    prescribed28: r.prescribed28,
    completed28: r.completed28,
    lastSessionDay: r.lastSessionDay,
    missedPrescribedDays: r.missedPrescribedDays,
    painBefore7: r.painBefore7,
    painAfter7: r.painAfter7,
    painAfterPrevious7: r.painAfterPrevious7,
    painBeforePrevious7: r.painBeforePrevious7,
    openRedFlags: r.openRedFlags,
    trend: r.trend,
  }));
  return sql`
    select * from json_to_recordset(${JSON.stringify(base)}::json) as c(
      "patientId" uuid, today date, "figuresVersion" int, "prescribed7" int, "completed7" int, "logged7" int,
      "prescribedDays7" int, "prescribed28" int, "completed28" int, "lastSessionDay" date, "missedPrescribedDays" int,
      "painBefore7" float8, "painAfter7" float8, "painAfterPrevious7" float8, "painBeforePrevious7" float8,
      "openRedFlags" int, trend float8[])`;
}

async function refreshPart(clinicId: string, patientIds: string[], now: Date, part: number): Promise<void> {
  await analytical(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`patient_figures:${clinicId}:${part}`}, 0))`);
    const rows = await adherenceRows(tx, clinicId, { now, patientIds, staleOnly: true });
    if (!rows.length) return;
    await tx.execute(sql`
      with computed as (${withAttention(computedSql(rows))})
      insert into patient_figures as f (patient_id, clinic_id, version, today, prescribed7, completed7, logged7, prescribed28, completed28,
                                        last_session_day, missed_prescribed_days, pain_before7, pain_after7, pain_after_previous7,
                                        pain_before_previous7, trend, adherence7, adherence28, pain_change, pain_before_change, reasons, computed_at)
      select c."patientId", ${clinicId}::uuid, c."figuresVersion", c.today::date, c."prescribed7", c."completed7", c."logged7",
             c."prescribed28", c."completed28", c."lastSessionDay"::date, c."missedPrescribedDays",
             c."painBefore7", c."painAfter7", c."painAfterPrevious7", c."painBeforePrevious7", c.trend,
             c."adherence7", c."adherence28", c."painChange", c."painBeforeChange", array_remove(c.reasons, 'red_flag'), now()
      from computed c
      on conflict (patient_id) do update set
        version = excluded.version, today = excluded.today, prescribed7 = excluded.prescribed7, completed7 = excluded.completed7,
        logged7 = excluded.logged7, prescribed28 = excluded.prescribed28, completed28 = excluded.completed28,
        last_session_day = excluded.last_session_day, missed_prescribed_days = excluded.missed_prescribed_days,
        pain_before7 = excluded.pain_before7, pain_after7 = excluded.pain_after7, pain_after_previous7 = excluded.pain_after_previous7,
        pain_before_previous7 = excluded.pain_before_previous7, pain_before_change = excluded.pain_before_change,
        trend = excluded.trend, adherence7 = excluded.adherence7, adherence28 = excluded.adherence28,
        pain_change = excluded.pain_change, reasons = excluded.reasons, computed_at = excluded.computed_at
      where f.version <= excluded.version
    `);
  });
}

/**
 * Reads through stored figures: `read` reports which patients in its scope had figures missing,
 * out of date or from an earlier day (the `fresh` column of storedFiguresSql); those alone are
 * recomputed and the read runs once more. Usually there are none, or the few who logged a session
 * since the last look, so the common case is the single read.
 */
export async function readThroughFigures<T>(
  clinicId: string,
  now: Date,
  read: () => Promise<{ value: T; stale: string[] }>,
): Promise<T> {
  const first = await read();
  if (!first.stale.length) return first.value;
  await refresh(clinicId, first.stale, now);
  return (await read()).value;
}

/**
 * Brings up to date, before a read that sorts by them, the stored figures of the active patients
 * that `filter` (a condition on the \`patients\` table, as drizzle writes it) selects.
 */
export async function freshenFigures(clinicId: string, filter: SQL, now = new Date()): Promise<void> {
  await readThroughFigures(clinicId, now, async () => {
    const stale = rowsOf<{ id: string }>(
      await db().execute(sql`
        select patients.id from patients ${localDay(now.toISOString(), sql.raw('patients'))}
        left join patient_figures f on f.patient_id = patients.id
        where patients.clinic_id = ${clinicId}::uuid and patients.status = 'active' and ${filter}
          and not coalesce(${isFresh(sql.raw('patients'))}, false)`),
    );
    return { value: undefined, stale: stale.map((r) => r.id) };
  });
}

/** Every active patient in scope with current figures (for a page of the roster, a test, a script). */
export async function rosterFigures(clinicId: string, scope: Scope = {}): Promise<FiguresRow[]> {
  if (scope.patientIds && scope.patientIds.length === 0) return [];
  const now = scope.now ?? new Date();
  return readThroughFigures(clinicId, now, async () => {
    const found = rowsOf<FiguresRow & { fresh: boolean }>(
      await db().execute(storedFiguresSql(clinicId, scope, now.toISOString())),
    );
    return {
      value: found.map(({ fresh: _fresh, ...r }) => r),
      stale: found.filter((r) => !r.fresh && !r.timezoneInvalid).map((r) => r.patientId),
    };
  });
}
