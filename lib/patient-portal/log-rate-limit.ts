import 'server-only';
import { sql } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterRes } from 'rate-limiter-flexible';
import { db, rowsOf } from '@/db/client';
import { rateLimits } from '@/db/schema';
import { type Failure, type Result, fail } from '@/lib/actions/result';
import { hashToken, TOKEN_PATTERN } from './link-access';
import { MAX_AGE_DAYS } from './log-limits';
import { type RecordableLog, type RecordedLog, recordSessionLog } from './record-log';

/** Most sessions a day any plan prescribes (plan_items.sessions_per_day is 1 to 6). */
const MOST_PRESCRIBED_PER_DAY = 6;

/**
 * Stored session logs per patient link. A patient logs one session at a time, at most six a
 * day, so these only bite a script:
 *  - 12 in 10 minutes: two days of the largest dose at once, for a phone that comes back online
 *    and sends its queue in one go; the rest of the queue waits for Retry-After;
 *  - 48 a day: a phone offline for the whole MAX_AGE_DAYS (7) at the largest dose, plus today,
 *    fits in one day, so a queued log is never held until it is too old to be accepted.
 */
export const LOG_LIMITS = {
  burst: { points: 2 * MOST_PRESCRIBED_PER_DAY, duration: 10 * 60 },
  daily: { points: (MAX_AGE_DAYS + 1) * MOST_PRESCRIBED_PER_DAY, duration: 24 * 60 * 60 },
} as const;

type Limiters = Record<keyof typeof LOG_LIMITS, RateLimiterDrizzle>;

const g = globalThis as { __rollcallLogLimiters?: Limiters };

// In the database (rate_limits), so every server process counts the same link together.
function limiters(): Limiters {
  const make = (name: keyof typeof LOG_LIMITS) =>
    new RateLimiterDrizzle({
      storeClient: db(),
      schema: rateLimits,
      keyPrefix: `session-log-${name}`,
      ...LOG_LIMITS[name],
    });
  g.__rollcallLogLimiters ??= { burst: make('burst'), daily: make('daily') };
  return g.__rollcallLogLimiters;
}

export type LogRateLimited = Failure & { code: 'rate_limited'; retryAfterSeconds: number };

const TOO_MANY = 'Too many sessions were sent from this link. The phone keeps them and sends them later.';

/**
 * The link behind a token if it still opens a plan, and whether a log with this idempotency key
 * is already stored for its patient (a retry: answered as before, and never counted).
 */
async function linkAndRetry(token: string, idempotencyKey: string) {
  const [row] = rowsOf<{ linkId: string; stored: boolean }>(
    await db().execute(sql`
      select l.id as "linkId",
             exists(select 1 from session_logs s where s.patient_id = l.patient_id and s.idempotency_key = ${idempotencyKey}::uuid) as stored
      from patient_links l
      join patients p on p.id = l.patient_id and p.clinic_id = l.clinic_id
      where l.token_hash = ${hashToken(token)} and l.revoked_at is null
        and (l.expires_at is null or l.expires_at > now()) and p.status = 'active'`),
  );
  return row ?? null;
}

/** Takes one log from both of the link's allowances; refused (and given back) when either is spent. */
async function take(linkId: string): Promise<number> {
  const all = Object.values(limiters());
  const taken = await Promise.allSettled(all.map((l) => l.consume(linkId)));
  const refused = taken.flatMap((t) => (t.status === 'rejected' ? [t.reason] : []));
  if (refused.length === 0) return 0;
  await giveBack(linkId);
  const waits = refused.map((r) => {
    if (r instanceof RateLimiterRes) return r.msBeforeNext;
    throw r; // the store failed: not a refusal
  });
  return Math.max(1, Math.ceil(Math.max(...waits) / 1000));
}

async function giveBack(linkId: string): Promise<void> {
  await Promise.all(Object.values(limiters()).map((l) => l.reward(linkId)));
}

/**
 * A log sent by the patient's phone: recordSessionLog, within the link's limits (LOG_LIMITS).
 * Only a log that is stored counts; a retry of a stored one, a refused one and an unknown link
 * do not (an unknown token gets its 401 from recordSessionLog without touching the counters).
 */
export async function recordPhoneLog(
  token: string,
  input: RecordableLog,
): Promise<Result<RecordedLog> | LogRateLimited> {
  const link = TOKEN_PATTERN.test(token) ? await linkAndRetry(token, input.idempotencyKey) : null;
  if (!link || link.stored) return recordSessionLog({ token }, input);
  const retryAfterSeconds = await take(link.linkId);
  if (retryAfterSeconds > 0) return { ...fail('rate_limited', TOO_MANY), code: 'rate_limited', retryAfterSeconds };
  const outcome = await recordSessionLog({ token }, input);
  if (!outcome.ok || outcome.value.status !== 'recorded') await giveBack(link.linkId);
  return outcome;
}
