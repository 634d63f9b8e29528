import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { db, executePrepared, rowsOf } from '@/db/client';

/**
 * Adherence for a whole roster in one query (design.md's definitions, exactly):
 *  - prescribed sessions on a day = sessions per day of the plan version in effect that day,
 *    over the items whose weekdays include it (the largest of them), else 0; days run midnight
 *    to midnight in the patient's timezone;
 *  - adherence over a window = Σ min(logged, prescribed) ÷ Σ prescribed; a day with nothing
 *    prescribed counts for nothing; today counts only with the sessions already logged;
 *  - a session counts when at least one exercise was done in it.
 * Version ranges come from window functions, days from generate_series per patient, so the
 * cost grows with patients × 28 days, never with one query per patient.
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

/**
 * The calendar days (YYYY-MM-DD) that may be "today" somewhere at `now`: UTC's day one either
 * side, since every zone is within 14 hours of UTC. A log's day can only matter to a window that
 * ends on one of them, so `local_day >= the first minus the window` bounds a scan by the
 * (clinic_id, local_day) index to the window instead of the clinic's whole history; the exact
 * per-patient condition still follows it.
 */
function possibleTodays(now: string): { first: string; last: string } {
  const day = (offset: number) => new Date(Date.parse(now) + offset * 86_400_000).toISOString().slice(0, 10);
  return { first: day(-1), last: day(1) };
}

type Options = {
  now?: Date;
  patientIds?: string[];
  practitionerId?: string | null;
  /** Only patients without current stored figures (lib/figures.ts). */
  staleOnly?: boolean;
};

/**
 * The shared day-by-day table: for each patient in the roster and each of their last
 * `windowDays` calendar days, what was prescribed, logged and (capped) completed.
 */
function dailyCtes(clinicId: string, now: string, filter: SQL, windowDays: number): SQL {
  const back = sql.raw(String(Math.max(1, Math.floor(windowDays)) - 1));
  const weekday = (n: number) =>
    sql.raw(`max(case when ${n} = any(pi.days_of_week) then pi.sessions_per_day else 0 end)`);
  return sql`
    roster as (
      select p.id as patient_id, p.figures_version as version, (${now}::timestamptz at time zone rollcall_valid_timezone(p.timezone))::date as today
      from patients p
      -- A zone the database does not know (rollcall_valid_timezone gives null) leaves that patient
      -- out, instead of failing everyone's figures; the roster marks them (lib/adherence/figures.ts).
      where p.clinic_id = ${clinicId}::uuid and p.status = 'active' and rollcall_valid_timezone(p.timezone) is not null ${filter}
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
    -- Each version's week as seven numbers (Monday first): the most sessions any item asks for.
    version_weeks as (
      select vr.patient_id, vr.today, greatest(vr.from_day, vr.today - ${back}) as from_day, least(vr.to_day, vr.today) as to_day,
             array[${weekday(1)}, ${weekday(2)}, ${weekday(3)}, ${weekday(4)}, ${weekday(5)}, ${weekday(6)}, ${weekday(7)}] as week
      from version_ranges vr
      join plan_items pi on pi.plan_version_id = vr.version_id
      where vr.to_day >= vr.today - ${back} and vr.from_day <= vr.today and vr.to_day >= vr.from_day
      group by vr.patient_id, vr.today, vr.version_id, vr.from_day, vr.to_day
    ),
    -- Every day of the window once per patient (nothing prescribed, nothing logged), each day a
    -- version in effect prescribes sessions on, and each log: one row apiece, summed per day in
    -- one aggregate below. (Joining three per-day tables instead sorted and hashed each of them:
    -- 40 % of the roster query, docs/benchmarks.md, issue 18.)
    day_parts as (
      select r.patient_id, r.today, g.d::date as day, 0 as sessions, 0 as n
      from roster r
      cross join lateral generate_series(r.today - ${back}, r.today, interval '1 day') as g(d)
      union all
      select vw.patient_id, vw.today, g.d::date, vw.week[extract(isodow from g.d)::int], 0
      from version_weeks vw
      cross join lateral generate_series(vw.from_day, vw.to_day, interval '1 day') as g(d)
      union all
      -- A session counts when an exercise was done in it, in full or in part; a red-flag log with
      -- none done is stored (and alerts) but counts for nothing.
      select l.patient_id, r.today, l.local_day, 0,
             case when cardinality(l.items_done) + cardinality(l.items_partial) > 0 then 1 else 0 end
      from session_logs l
      join roster r on r.patient_id = l.patient_id
      where l.clinic_id = ${clinicId}::uuid and l.local_day between ${possibleTodays(now).first}::date - ${back} and ${possibleTodays(now).last}::date
        and l.local_day between r.today - ${back} and r.today
    ),
    -- Per day: the most sessions any version in effect asks for, and the sessions logged. Today,
    -- still in progress, counts only with what is already logged: it can raise adherence, never
    -- lower it. Earlier days count everything prescribed.
    daily as (
      select patient_id, today, day,
             case when day = today then least(max(sessions), sum(n)) else max(sessions) end::int as prescribed,
             sum(n)::int as logged,
             least(sum(n), max(sessions))::int as completed
      from day_parts
      group by patient_id, today, day
    )
  `;
}

/**
 * Runs analytical work with JIT off: generate_series's default row estimate makes the planner
 * expect millions of rows, and PostgreSQL then spent ~1.6 s of a 2.4 s roster query compiling
 * it (measured with npm run bench). A little more sort memory avoids spilling to disk. These are
 * set in one statement (set_config with is_local is SET LOCAL).
 *
 * The roster query (no `genericPlan`) also runs with hash aggregation off: its per-day sums then
 * come out of a sort by patient and day, the order its rolling window needs, instead of a hash
 * table sorted again afterwards. 5,000 patients, median of 8: 920 → 820 ms.
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
        : sql`select set_config('jit', 'off', true), set_config('work_mem', '32MB', true),
                     set_config('enable_hashagg', 'off', true)`,
    );
    return work(tx);
  });
}

type Tx = Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0];

export async function adherenceByPatient(clinicId: string, options: Options = {}): Promise<AdherenceRow[]> {
  const result = await analytical((tx) => tx.execute(adherenceQuery(clinicId, options)));
  const rows = rowsOf<Omit<AdherenceRow, 'adherence7' | 'adherence28'>>(result);
  return rows.map((r) => ({
    ...r,
    adherence7: r.prescribed7 > 0 ? r.completed7 / r.prescribed7 : null,
    adherence28: r.prescribed28 > 0 ? r.completed28 / r.prescribed28 : null,
    trend: (r.trend ?? []).map((v) => (v === null ? null : Number(v))),
  }));
}

/** The roster query itself (exported so it can be EXPLAINed). */
export function adherenceQuery(clinicId: string, options: Options = {}): SQL {
  const now = (options.now ?? new Date()).toISOString();
  return sql`
    with ${dailyCtes(clinicId, now, sql`${only(options)} ${mine(options)} ${stale(options, now)}`, WINDOW_DAYS)},
    -- The latest day with a log, whenever it was: one step down (patient_id, local_day) each.
    last_session as (
      select r.patient_id,
             (select max(l.local_day) from session_logs l
              where l.patient_id = r.patient_id and l.clinic_id = ${clinicId}::uuid and l.local_day <= r.today) as day
      from roster r
    ),
    -- The 7-day rolling figure ending on each day, for the trend.
    rolling as (
      select patient_id, today, day, prescribed, completed, logged,
             sum(completed) over w as rolling_c7, sum(prescribed) over w as rolling_p7
      from daily
      window w as (partition by patient_id order by day rows between 6 preceding and current row)
    ),
    -- Every per-patient figure of the days in one pass over them: the 7- and 28-day sums, the trend
    -- and the prescribed days missed since the last session. (Three passes, each sorting or
    -- hashing the days again, were half of the roster query: docs/benchmarks.md, issue 18.)
    windows as (
      select d.patient_id, d.today,
             sum(d.prescribed) filter (where d.day > d.today - 7) as p7,
             sum(d.completed) filter (where d.day > d.today - 7) as c7,
             sum(d.logged) filter (where d.day > d.today - 7) as l7,
             count(*) filter (where d.day > d.today - 7 and d.prescribed > 0) as pd7,
             sum(d.prescribed) filter (where d.day > d.today - 28) as p28,
             sum(d.completed) filter (where d.day > d.today - 28) as c28,
             array_agg(case when d.rolling_p7 > 0 then round(d.rolling_c7::numeric / d.rolling_p7, 4) end order by d.day)
               filter (where d.day > d.today - 28) as trend,
             count(*) filter (where d.prescribed > 0 and d.day < d.today
                                and d.day > coalesce(ls.day, d.today - ${sql.raw(String(WINDOW_DAYS))}))::int as missed
      from rolling d left join last_session ls on ls.patient_id = d.patient_id
      group by d.patient_id, d.today
    ),
    pain as (
      select l.patient_id,
             avg(l.pain_before) filter (where l.local_day > r.today - 7) as before7,
             avg(l.pain_after) filter (where l.local_day > r.today - 7) as after7,
             avg(l.pain_after) filter (where l.local_day <= r.today - 7 and l.local_day > r.today - 14) as after_prev7,
             avg(l.pain_before) filter (where l.local_day <= r.today - 7 and l.local_day > r.today - 14) as before_prev7
      from session_logs l join roster r on r.patient_id = l.patient_id
      where l.clinic_id = ${clinicId}::uuid and l.local_day between ${possibleTodays(now).first}::date - 13 and ${possibleTodays(now).last}::date
        and l.local_day > r.today - 14 and l.local_day <= r.today
      group by l.patient_id
    ),
    flags as (
      select a.patient_id, count(*)::int as open
      from alerts a join roster r on r.patient_id = a.patient_id
      where a.clinic_id = ${clinicId}::uuid and a.status = 'open' and a.kind = 'red_flag'
      group by a.patient_id
    )
    select w.patient_id as "patientId", w.today::text as today, ro.version as "figuresVersion",
           w.p7::int as "prescribed7", w.c7::int as "completed7",
           w.p28::int as "prescribed28", w.c28::int as "completed28", w.l7::int as "logged7", w.pd7::int as "prescribedDays7",
           ls.day::text as "lastSessionDay", (w.today - ls.day)::int as "daysSinceLastSession",
           coalesce(w.missed, 0)::int as "missedPrescribedDays",
           round(pa.before7, 2)::float8 as "painBefore7", round(pa.after7, 2)::float8 as "painAfter7",
           round(pa.after_prev7, 2)::float8 as "painAfterPrevious7", round(pa.before_prev7, 2)::float8 as "painBeforePrevious7",
           coalesce(f.open, 0)::int as "openRedFlags",
           w.trend::float8[] as trend
    from windows w
    join roster ro on ro.patient_id = w.patient_id
    left join last_session ls on ls.patient_id = w.patient_id
    left join pain pa on pa.patient_id = w.patient_id
    left join flags f on f.patient_id = w.patient_id
  `;
}

const only = (o: Options) =>
  o.patientIds?.length ? sql`and p.id = any(${`{${o.patientIds.join(',')}}`}::uuid[])` : sql``;
const stale = (o: Options, now: string) =>
  o.staleOnly
    ? sql`and not exists (select 1 from patient_figures f where f.patient_id = p.id and f.version = p.figures_version
                            and f.today = (${now}::timestamptz at time zone rollcall_valid_timezone(p.timezone))::date)`
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

/** One patient's days, oldest first, with the 7-day rolling adherence ending on each day. */
export async function dailyForPatient(
  clinicId: string,
  patientId: string,
  windowDays: number,
  now = new Date(),
): Promise<DailyPoint[]> {
  // Planning this text costs PostgreSQL more than running it for one patient (see analytical's
  // genericPlan), so it runs as a prepared statement each pooled connection plans once.
  const result = await analytical(
    (tx) =>
      executePrepared(
        tx,
        sql`
    with ${dailyCtes(clinicId, now.toISOString(), sql`and p.id = ${patientId}::uuid`, windowDays + 6)}
    select day::text as day, prescribed::int as prescribed, logged::int as logged, completed::int as completed,
           case when sum(prescribed) over w > 0 then (sum(completed) over w)::float8 / sum(prescribed) over w end as "rolling7"
    from daily
    window w as (order by day rows between 6 preceding and current row)
    order by day
  `,
      ),
    { genericPlan: true },
  );
  const rows = rowsOf<DailyPoint>(result);
  return rows.slice(-windowDays);
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
  // Prepared, as dailyForPatient: the candidates are a few dozen patients at most.
  const result = await analytical(
    (tx) =>
      executePrepared(
        tx,
        sql`
    with ${dailyCtes(clinicId, now.toISOString(), sql`and p.id = any(${ids}::uuid[])`, windowDays + 6)}
    select patient_id::text as "patientId", day::text as day, prescribed::int as prescribed, logged::int as logged,
           completed::int as completed,
           case when sum(prescribed) over w > 0 then (sum(completed) over w)::float8 / sum(prescribed) over w end as "rolling7"
    from daily
    window w as (partition by patient_id order by day rows between 6 preceding and current row)
    order by patient_id, day
  `,
      ),
    { genericPlan: true },
  );
  const byPatient = new Map<string, DailyPoint[]>();
  for (const { patientId, ...point } of rowsOf<DailyPoint & { patientId: string }>(result)) {
    const days = byPatient.get(patientId) ?? [];
    days.push(point);
    byPatient.set(patientId, days);
  }
  for (const [id, days] of byPatient) byPatient.set(id, days.slice(-windowDays));
  return byPatient;
}
