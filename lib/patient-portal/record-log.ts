import 'server-only';
import crypto from 'node:crypto';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { db, executePrepared, rowsOf } from '@/db/client';
import { uuidv7 } from '@/db/ids';
import { sessionLogs } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { redFlagAlertCtes, redFlagLockSql } from '@/lib/alerts/red-flag-fold';
import { requestAddress } from '@/lib/audit';
import { hashToken, type PatientAccess, TOKEN_PATTERN } from './link-access';
import { CLOCK_SKEW_MS, MAX_AGE_DAYS, type SessionLogInput } from './log-contract';
import { redFlagsOf } from './red-flags';

/** A checked log; seeds and tests may leave out the partial items. */
export type RecordableLog = Omit<SessionLogInput, 'itemsPartial'> & { itemsPartial?: string[] };

export type RecordedLog = { status: 'recorded' | 'duplicate'; logId: string; redFlags: string[] };

/**
 * A link's allowance of stored logs: each window's points, over `seconds` from the first log in
 * it (rate-limiter-flexible's fixed windows, in its rate_limits rows keyed `prefix:linkId`, so the
 * library can give a point back). lib/patient-portal/log-rate-limit.ts sets the phone's.
 */
export type LogAllowance = readonly { prefix: string; points: number; seconds: number }[];

/** Not stored: a window of the link's allowance is spent; the phone sends it again after the wait. */
export type AllowanceSpent = {
  ok: false;
  code: 'rate_limited';
  message: string;
  retryAfterSeconds: number;
};

/** The outcome's row: who logged, whether there was a plan and the exercises were in it, what was stored or taken. */
type OutcomeRow = {
  patientId: string | null;
  linkId: string | null;
  hasPlan: boolean;
  itemsInPlan: boolean | null;
  id: string | null;
  counted: boolean;
  waitSeconds: number | null;
};

/** The allowance's window definitions as a VALUES list (fixed by the code, never user input). */
function windowsSql(allowance: LogAllowance): SQL {
  return sql.join(
    allowance.map((w) => sql`(${w.prefix}::text, ${w.points}::int, ${w.seconds}::int)`),
    sql`, `,
  );
}

const linkInactive = fail('refused', 'This link no longer opens a plan.');

/** The same body always hashes the same, whatever order the lists came in. */
function payloadHash(input: RecordableLog): string {
  const canonical = {
    performedAt: new Date(input.performedAt).toISOString(),
    itemsDone: [...new Set(input.itemsDone)].sort(),
    // Left out when empty, so a log queued before partial items existed hashes as it did then.
    ...(input.itemsPartial?.length ? { itemsPartial: [...new Set(input.itemsPartial)].sort() } : {}),
    painBefore: input.painBefore,
    painAfter: input.painAfter,
    symptoms: [...new Set(input.symptoms)].sort(),
    note: input.note,
  };
  return crypto.createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** One point back to each window of the link's allowance (never below zero). */
async function giveBack(allowance: LogAllowance, linkId: string): Promise<void> {
  for (const w of allowance) {
    await db().execute(
      sql`update rate_limits set points = greatest(points - 1, 0) where key = ${`${w.prefix}:${linkId}`}`,
    );
  }
}

/** A list of UUIDs (already validated) as a PostgreSQL array literal. */
const uuidArray = (values: readonly string[]) => `{${values.join(',')}}`;

/**
 * Who is logging: the patient behind a link token as the phone sends it (checked in the same
 * statement as the write), or a patient already looked up (seeds and tests).
 */
export type LogAuthor = { token: string } | Pick<PatientAccess, 'patientId' | 'clinicId' | 'timezone'>;

/**
 * The link behind a token, if it still opens the plan: not revoked, not expired, its patient
 * active (as lookupToken in lib/patient-portal/link-access.ts decides for pages).
 */
function authorSql(author: LogAuthor, now: Date): SQL {
  if ('token' in author) {
    return sql`
      select l.patient_id, l.clinic_id, p.timezone, l.id as link_id
      from patient_links l
      join patients p on p.id = l.patient_id and p.clinic_id = l.clinic_id
      where l.token_hash = ${hashToken(author.token)} and l.revoked_at is null
        and (l.expires_at is null or l.expires_at > ${now.toISOString()}::timestamptz) and p.status = 'active'`;
  }
  return sql`select ${author.patientId}::uuid as patient_id, ${author.clinicId}::uuid as clinic_id, ${author.timezone}::text as timezone, null::uuid as link_id`;
}

/**
 * Stores one session log, exactly once per idempotency key: a retry with the same body returns
 * the stored log, a different body under the same key is refused. Red flags raise an alert, or
 * fold into the patient's open one (lib/alerts/red-flag-fold.ts).
 * One statement, atomic without a transaction's extra round trips: the link check, the plan
 * version in effect on the patient's day, the exercises' check, the log, any alert (a red flag
 * adds a transaction holding the patient's lock, so two cannot both raise one) and the log's
 * audit row. A zone the database no longer knows buckets the day in UTC rather than losing the
 * log. The database's trigger keeps the patient's last session and figures version.
 */
export async function recordSessionLog(
  author: LogAuthor,
  input: RecordableLog,
  now = new Date(),
  allowance: LogAllowance = [],
): Promise<Result<RecordedLog> | AllowanceSpent> {
  if ('token' in author && !TOKEN_PATTERN.test(author.token)) return linkInactive;
  const performedAt = new Date(input.performedAt);
  if (performedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return fail('invalid', 'That session is dated in the future.', {
      performedAt: ['That session is dated in the future.'],
    });
  }
  if (performedAt.getTime() < now.getTime() - MAX_AGE_DAYS * 86_400_000) {
    return fail('invalid', `Sessions can be logged up to ${MAX_AGE_DAYS} days later.`, {
      performedAt: [`Older than ${MAX_AGE_DAYS} days.`],
    });
  }
  const hash = payloadHash(input);
  const address = await requestAddress();
  const redFlags = redFlagsOf(input);
  const itemsDone = uuidArray([...new Set(input.itemsDone)]);
  const itemsPartial = uuidArray([...new Set(input.itemsPartial ?? [])]);
  const at = now.toISOString();
  // A link's allowance is taken in the log's own statement (no extra round trips): only by a log
  // that can be stored (its link open, a plan in effect, its exercises in it, its key new), one
  // point from every window at once; a spent window stores nothing and the points are given back
  // below, as rate-limiter-flexible's consume-then-reward does.
  const limited = allowance.length > 0 && 'token' in author;
  const allowanceCtes = limited
    ? sql`
      windows (prefix, points, seconds) as (values ${windowsSql(allowance)}),
      taken as (
        insert into rate_limits (key, points, expire)
        select w.prefix || ':' || author.link_id::text, 1, ${at}::timestamptz + w.seconds * interval '1 second'
        from author, version, windows w
        where version.items_in_plan
          and not exists (select 1 from session_logs s where s.patient_id = author.patient_id and s.idempotency_key = ${input.idempotencyKey}::uuid)
        on conflict (key) do update set
          points = case when rate_limits.expire <= ${at}::timestamptz then 1 else rate_limits.points + 1 end,
          expire = case when rate_limits.expire <= ${at}::timestamptz then excluded.expire else rate_limits.expire end
        returning split_part(key, ':', 1) as prefix, points, expire
      ),
      spent as (
        select t.expire from taken t join windows w on w.prefix = t.prefix where t.points > w.points
      ),`
    : sql`
      taken as (select null::timestamptz as expire where false),
      spent as (select null::timestamptz as expire where false),`;
  const statement = sql`
      with author as (
        select a.patient_id, a.clinic_id, a.link_id, (${performedAt.toISOString()}::timestamptz at time zone coalesce(rollcall_valid_timezone(a.timezone), 'UTC'))::date as local_day
        from (${authorSql(author, now)}) a
      ),
      version as (
        select pl.id as plan_id, v.id as version_id,
               (${itemsDone}::uuid[] || ${itemsPartial}::uuid[]) <@ array(select i.exercise_id from plan_items i where i.plan_version_id = v.id) as items_in_plan
        from author
        join plans pl on pl.patient_id = author.patient_id and pl.clinic_id = author.clinic_id
        join plan_versions v on v.plan_id = pl.id
        where pl.start_date <= author.local_day and (pl.end_date is null or pl.end_date >= author.local_day)
          and v.effective_date <= author.local_day
        -- A plan replaced on the day it began shares that day with its successor: the newer plan wins.
        order by pl.start_date desc, pl.created_at desc, v.version desc
        limit 1
      ),${allowanceCtes}
      inserted as (
        insert into session_logs (id, clinic_id, patient_id, plan_id, plan_version_id, performed_at, local_day, items_done, items_partial,
                                  pain_before, pain_after, symptoms, note, idempotency_key, payload_hash)
        select ${uuidv7(now.getTime())}::uuid, author.clinic_id, author.patient_id, version.plan_id, version.version_id,
               ${performedAt.toISOString()}::timestamptz, author.local_day, ${itemsDone}::uuid[], ${itemsPartial}::uuid[],
               ${input.painBefore}, ${input.painAfter}, array(select jsonb_array_elements_text(${JSON.stringify([...new Set(input.symptoms)])}::jsonb)), ${input.note},
               ${input.idempotencyKey}::uuid, ${hash}
        from author, version where version.items_in_plan and not exists (select 1 from spent)
        on conflict (patient_id, idempotency_key) do nothing
        returning id, clinic_id, patient_id
      ),
      ${redFlagAlertCtes(redFlags)},
      -- In the log's own statement: no log without its audit row, and none for a retry.
      audited as (
        insert into audit_events (clinic_id, actor_link_id, patient_id, action, subject_type, subject_id, detail, client_address)
        select i.clinic_id, author.link_id, i.patient_id, 'session_log.recorded', 'session_log', i.id::text,
               jsonb_build_object('redFlag', ${redFlags.length > 0}::boolean), ${address}::text
        from inserted i, author
      )
      select (select patient_id from author) as "patientId", (select link_id from author) as "linkId",
             exists(select 1 from version) as "hasPlan", (select items_in_plan from version) as "itemsInPlan",
             (select id from inserted) as id, exists(select 1 from taken) as counted,
             (select ceil(extract(epoch from max(expire) - ${at}::timestamptz))::int from spent) as "waitSeconds"`;
  // A red flag takes its patient's lock first, so the fold sees the alert another request just
  // raised (read committed: the statement's snapshot is taken once the lock is held).
  const result =
    redFlags.length > 0
      ? await db().transaction(async (tx) => {
          await tx.execute(sql`select ${redFlagLockSql(sql`a.patient_id`)} from (${authorSql(author, now)}) a`);
          return executePrepared(tx, statement);
        })
      : await executePrepared(db(), statement);
  const [outcome] = rowsOf<OutcomeRow>(result);
  if (!outcome?.patientId) return linkInactive;
  // Counted but not stored (a window spent, or the same key stored a moment ago by a retry):
  // give the points back.
  if (outcome.counted && !outcome.id && outcome.linkId) await giveBack(allowance, outcome.linkId);
  if (outcome.waitSeconds !== null && outcome.linkId) {
    return {
      ok: false,
      code: 'rate_limited',
      message: 'Too many sessions were sent from this link. The phone keeps them and sends them later.',
      retryAfterSeconds: Math.max(1, outcome.waitSeconds),
    };
  }
  if (!outcome.hasPlan) return fail('invalid', 'There was no plan in effect on that day.');
  if (!outcome.itemsInPlan)
    return fail('invalid', 'Some exercises are not in your plan.', {
      itemsDone: ['Some exercises are not in your plan.'],
    });
  if (outcome.id) return ok({ status: 'recorded', logId: outcome.id, redFlags });

  const [existing] = await db()
    .select({ id: sessionLogs.id, payloadHash: sessionLogs.payloadHash })
    .from(sessionLogs)
    .where(and(eq(sessionLogs.patientId, outcome.patientId), eq(sessionLogs.idempotencyKey, input.idempotencyKey)));
  if (!existing || existing.payloadHash !== hash) {
    return fail('conflict', 'A different log was already sent with this id.');
  }
  return ok({ status: 'duplicate', logId: existing.id, redFlags });
}
