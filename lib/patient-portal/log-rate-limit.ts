import 'server-only';
import { type Result } from '@/lib/actions/result';
import { MAX_AGE_DAYS } from './log-limits';
import {
  type AllowanceSpent,
  type LogAllowance,
  type RecordableLog,
  type RecordedLog,
  recordSessionLog,
} from './record-log';

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

/**
 * The windows as the log's statement takes them, in the database (rate_limits, keyed
 * `session-log-<window>:<linkId>`), so every server process counts the same link together.
 */
const ALLOWANCE: LogAllowance = Object.entries(LOG_LIMITS).map(([name, w]) => ({
  prefix: `session-log-${name}`,
  points: w.points,
  seconds: w.duration,
}));

export type LogRateLimited = AllowanceSpent;

/**
 * A log sent by the patient's phone: recordSessionLog, within the link's limits (LOG_LIMITS),
 * in one statement. Only a log that is stored counts; a retry of a stored one, a refused one and
 * an unknown link do not.
 */
export function recordPhoneLog(token: string, input: RecordableLog): Promise<Result<RecordedLog> | LogRateLimited> {
  return recordSessionLog({ token }, input, new Date(), ALLOWANCE);
}
