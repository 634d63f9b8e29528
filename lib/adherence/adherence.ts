import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { db, executePrepared, rowsOf } from '@/db/client';
import { shiftDate } from '@/lib/dates';
import { daysOf, type PrescriptionWeek, rolling7, windowFigures } from './days';

/**
 * Adherence for a whole roster in one query (design.md's definitions, exactly):
 *  - prescribed sessions on a day = sessions per day of the plan version in effect that day,
 *    over the items whose weekdays include it (the largest of them), else 0; days run midnight
 *    to midnight in the patient's timezone;
 *  - adherence over a window = Σ min(logged, prescribed) ÷ Σ prescribed; a day with nothing
 *    prescribed counts for nothing; today counts only with the sessions already logged;
 *  - a session counts when at least one exercise was done in it.
 * One query reads what every patient's days are made of (their versions' weeks and their logs'
 * days, inputsSql); lib/adherence/days.ts counts the days. The cost grows with patients and their
 * logs, never with one query per patient.
 */
export type AdherenceRow = {
  patientId: string;
  today: string;
  /** The patients.figures_version these figures were computed from. */
  figuresVersion: number;
  prescribed7: number;
  completed7: number;
  adherence7: number | null;
  prescribed28: number;
  completed28: number;
  adherence28: number | null;
  logged7: number;
  /** Days of the last 7 with something prescribed (today only once a session is logged). */
  prescribedDays7: number;
  lastSessionDay: string | null;
  daysSinceLastSession: number | null;
  /** Days since the last session on which something was prescribed (0 if none missed). */
  missedPrescribedDays: number;
  painBefore7: number | null;
  painAfter7: number | null;
  painAfterPrevious7: number | null;
  painBeforePrevious7: number | null;
  openRedFlags: number;
  /** 7-day adherence ending on each of the last 28 days, oldest first (for sparklines). */
  trend: (number | null)[];
};

/** 28 days of adherence, and a 7-day rolling figure ending on each of them. */
const WINDOW_DAYS = 28 + 6;

type Options = {
  now?: Date;
  patientIds?: string[];
  practitionerId?: string | null;
  /** Only patients without current stored figures (lib/figures.ts). */
  staleOnly?: boolean;
};

/**
 * What a patient's days are computed from (lib/adherence/days.ts), one row per active patient in
 * the roster: today in their timezone, each plan version in effect within the last `windowDays`
 * days as its week of sessions, the days of the logs that count as sessions, the latest log's
 * day, pain over the last two weeks and open red flags. Days are numbered from the window's first
 * day (0) to today; the patient's own timezone decides both.
 */
function inputsSql(clinicId: string, now: string, filter: SQL, windowDays: number): SQL {
  const back = sql.raw(String(Math.max(1, Math.floor(windowDays)) - 1));
  const weekday = (n: number) =>
    sql.raw(`max(case when ${n} = any(pi.days_of_week) then pi.sessions_per_day else 0 end)`);
  return sql`
    with roster as (
      select p.id as patient_id, p.figures_version as version, z.today
      from patients p
      -- Each zone checked once, not once a patient (lib/adherence/figures.ts's localDay): a zone the
      -- database does not know (rollcall_valid_timezone gives null) leaves that patient out,
      -- instead of failing everyone's figures; the roster marks them.
      cross join lateral (select (${now}::timestamptz at time zone rollcall_valid_timezone(p.timezone))::date as today offset 0) z
      where p.clinic_id = ${clinicId}::uuid and p.status = 'active' and z.today is not null ${filter}
    ),
    version_ranges as (
      select v.id as version_id, pl.patient_id, r.today,
             greatest(v.effective_date, pl.start_date) as from_day,
             least(coalesce(lead(v.effective_date) over (partition by v.plan_id order by v.version) - 1, 'infinity'::date),
                   coalesce(pl.end_date, 'infinity'::date)) as to_day
      from plan_versions v
      join plans pl on pl.id = v.plan_id
      join roster r on r.patient_id = pl.patient_id
      where pl.clinic_id = ${clinicId}::uuid
    ),
    -- Each version in effect within the window, as its days and its week (Monday first): the most
    -- sessions any item asks for on each weekday.
    weeks as (
      select patient_id, json_agg(json_build_object('from', from_index, 'to', to_index, 'week', week)) as weeks
      from (
        select vr.patient_id,
               greatest(vr.from_day, vr.today - ${back}) - (vr.today - ${back}) as from_index,
               least(vr.to_day, vr.today) - (vr.today - ${back}) as to_index,
               array[${weekday(1)}, ${weekday(2)}, ${weekday(3)}, ${weekday(4)}, ${weekday(5)}, ${weekday(6)}, ${weekday(7)}] as week
        from version_ranges vr
        join plan_items pi on pi.plan_version_id = vr.version_id
        where vr.to_day >= vr.today - ${back} and vr.from_day <= vr.today and vr.to_day >= vr.from_day
        group by vr.patient_id, vr.today, vr.version_id, vr.from_day, vr.to_day
      ) w
      group by patient_id
    ),
    flags as (
      select a.patient_id, count(*)::int as open
      from alerts a join roster r on r.patient_id = a.patient_id
      where a.clinic_id = ${clinicId}::uuid and a.status = 'open' and a.kind = 'red_flag'
      group by a.patient_id
    )
    select r.patient_id as "patientId", r.today::text as today, r.version as "figuresVersion",
           extract(isodow from r.today)::int as "todayIsoDow", coalesce(w.weeks, '[]'::json) as weeks,
           coalesce(lg.sessions, '{}') as sessions, ls.day::text as "lastSessionDay",
           (ls.day - (r.today - ${back}))::int as "lastSession",
           lg."painBefore7", lg."painAfter7", lg."painAfterPrevious7", lg."painBeforePrevious7",
           coalesce(f.open, 0)::int as "openRedFlags"
    from roster r
    left join weeks w on w.patient_id = r.patient_id
    -- The patient's logs of the window (and of two weeks, for pain), one step down (patient_id, local_day).
    -- A session counts when an exercise was done in it, in full or in part; a red-flag log with
    -- none done is stored (and alerts) but counts for nothing.
    left join lateral (
      select array_agg(l.local_day - (r.today - ${back}))
               filter (where l.local_day >= r.today - ${back} and cardinality(l.items_done) + cardinality(l.items_partial) > 0) as sessions,
             round(avg(l.pain_before) filter (where l.local_day > r.today - 7), 2)::float8 as "painBefore7",
             round(avg(l.pain_after) filter (where l.local_day > r.today - 7), 2)::float8 as "painAfter7",
             round(avg(l.pain_after) filter (where l.local_day <= r.today - 7 and l.local_day > r.today - 14), 2)::float8 as "painAfterPrevious7",
             round(avg(l.pain_before) filter (where l.local_day <= r.today - 7 and l.local_day > r.today - 14), 2)::float8 as "painBeforePrevious7"
      from session_logs l
      where l.patient_id = r.patient_id and l.clinic_id = ${clinicId}::uuid
        and l.local_day between r.today - greatest(${back}, 13) and r.today
    ) lg on true
    -- The latest day with a log, whenever it was.
    left join lateral (
      select max(l.local_day) as day from session_logs l
      where l.patient_id = r.patient_id and l.clinic_id = ${clinicId}::uuid and l.local_day <= r.today
    ) ls on true
    left join flags f on f.patient_id = r.patient_id
  `;
}

type InputRow = {
  patientId: string;
  today: string;
  figuresVersion: number;
  todayIsoDow: number;
  weeks: PrescriptionWeek[];
  sessions: number[];
  lastSessionDay: string | null;
  lastSession: number | null;
  painBefore7: number | null;
  painAfter7: number | null;
  painAfterPrevious7: number | null;
  painBeforePrevious7: number | null;
  openRedFlags: number;
};

/**
 * `prepared` is for a few patients (the charts): planning this text costs PostgreSQL about as
 * much as running it for one, so each pooled connection plans it once (see analytical's
 * genericPlan). Never for the roster, whose patient count ranges from one to thousands.
 */
async function readInputs(tx: Tx, clinicId: string, now: Date, filter: SQL, windowDays: number, prepared = false) {
  const query = inputsSql(clinicId, now.toISOString(), filter, windowDays);
  return rowsOf<InputRow>(await (prepared ? executePrepared(tx, query) : tx.execute(query)));
}

const daysInput = (row: InputRow, windowDays: number) => ({
  windowDays,
  todayIsoDow: row.todayIsoDow,
  weeks: row.weeks,
  sessions: row.sessions,
});

/**
 * Runs analytical work with JIT off: with the roster read's row estimates, PostgreSQL once spent
 * ~1.6 s of a 2.4 s roster query compiling it (measured with npm run bench), and for the figures
 * of a few thousand patients compiling never pays. A little more sort memory avoids spilling to
 * disk. These are set in one statement (set_config with is_local is SET LOCAL).
 *
 * `genericPlan` is for a prepared statement (executePrepared) over a few patients: PostgreSQL
 * would otherwise keep re-planning it per call, as its generic plan's estimate looks dearer than
 * a custom one, though it runs faster (one patient's 90 days: planning 0.7-1.2 ms and running
 * 0.5-0.8 ms, against 0.3 ms for the generic plan). Never for the roster query, whose patient
 * count ranges from one to thousands.
 */
export async function analytical<T>(work: (tx: Tx) => Promise<T>, { genericPlan = false } = {}): Promise<T> {
  return db().transaction(async (tx) => {
    await tx.execute(
      genericPlan
        ? sql`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true),
                     set_config('plan_cache_mode', 'force_generic_plan', true)`
        : sql`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`,
    );
    return work(tx);
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0];

/** The roster's figures (AdherenceRow) for every active patient of the clinic in `options`' scope. */
export async function adherenceRows(tx: Tx, clinicId: string, options: Options = {}): Promise<AdherenceRow[]> {
  const now = options.now ?? new Date();
  const filter = sql`${only(options)} ${mine(options)} ${stale(options)}`;
  return (await readInputs(tx, clinicId, now, filter, WINDOW_DAYS)).map((row) => {
    const figures = windowFigures(daysOf(daysInput(row, WINDOW_DAYS)), row.lastSession);
    return {
      patientId: row.patientId,
      today: row.today,
      figuresVersion: row.figuresVersion,
      ...figures,
      adherence7: figures.prescribed7 > 0 ? figures.completed7 / figures.prescribed7 : null,
      adherence28: figures.prescribed28 > 0 ? figures.completed28 / figures.prescribed28 : null,
      lastSessionDay: row.lastSessionDay,
      daysSinceLastSession: row.lastSession === null ? null : WINDOW_DAYS - 1 - row.lastSession,
      painBefore7: row.painBefore7,
      painAfter7: row.painAfter7,
      painAfterPrevious7: row.painAfterPrevious7,
      painBeforePrevious7: row.painBeforePrevious7,
      openRedFlags: row.openRedFlags,
    };
  });
}

export async function adherenceByPatient(clinicId: string, options: Options = {}): Promise<AdherenceRow[]> {
  return analytical((tx) => adherenceRows(tx, clinicId, options));
}

const only = (o: Options) =>
  o.patientIds?.length ? sql`and p.id = any(${`{${o.patientIds.join(',')}}`}::uuid[])` : sql``;
/** Only patients whose stored figures are missing, out of date or from an earlier day (z.today is inputsSql's). */
const stale = (o: Options) =>
  o.staleOnly
    ? sql`and not exists (select 1 from patient_figures f where f.patient_id = p.id and f.version = p.figures_version and f.today = z.today)`
    : sql``;
const mine = (o: Options) =>
  o.practitionerId ? sql`and p.primary_practitioner_id = ${o.practitionerId}::uuid` : sql``;

export type DailyPoint = {
  day: string;
  prescribed: number;
  logged: number;
  completed: number;
  rolling7: number | null;
};

/** The last `windowDays` days of one input row, oldest first, as the charts show them. */
function pointsOf(row: InputRow, windowDays: number): DailyPoint[] {
  const span = windowDays + 6;
  const first = shiftDate(row.today, -(span - 1));
  return daysOf(daysInput(row, span))
    .slice(-windowDays)
    .map((day) => ({
      day: shiftDate(first, day.index),
      prescribed: day.prescribed,
      logged: day.logged,
      completed: day.completed,
      rolling7: rolling7(day),
    }));
}

/** One patient's days, oldest first, with the 7-day rolling adherence ending on each day. */
export async function dailyForPatient(
  clinicId: string,
  patientId: string,
  windowDays: number,
  now = new Date(),
): Promise<DailyPoint[]> {
  return (await dailyForPatients(clinicId, [patientId], windowDays, now)).get(patientId) ?? [];
}

/** dailyForPatient for many patients of one clinic in one query: each patient's days, oldest first. */
export async function dailyForPatients(
  clinicId: string,
  patientIds: readonly string[],
  windowDays: number,
  now = new Date(),
): Promise<Map<string, DailyPoint[]>> {
  if (patientIds.length === 0) return new Map();
  const ids = `{${patientIds.join(',')}}`;
  // Prepared: the candidates are a few dozen patients at most.
  const rows = await analytical(
    (tx) => readInputs(tx, clinicId, now, sql`and p.id = any(${ids}::uuid[])`, windowDays + 6, true),
    { genericPlan: true },
  );
  return new Map(rows.map((row) => [row.patientId, pointsOf(row, windowDays)]));
}
