import 'server-only';
import { type SQL, sql } from 'drizzle-orm';

/** The history's note when a repeat reopens an acknowledged alert (a fixed sentence: no patient text). */
export const REOPENED_BY_REPEAT = 'Reopened: reported again after it was acknowledged.';

/**
 * The CTEs that raise a red flag for a log just stored (a CTE named `inserted` with id, clinic_id
 * and patient_id; empty for a retry, which raises nothing).
 *
 * One patient has at most one red-flag alert that is not resolved: a new red flag while one is
 * open or acknowledged folds into it, as a 'repeated' event naming the log, instead of a new
 * alert, so one link cannot bury the inbox. The fold adds any new reasons (the inbox ranks by the
 * worst of them), moves last_reported_at, and sets the alert open again: an acknowledgement
 * answered the earlier report, not this one, and a red flag must never sit unseen. A resolved
 * alert is closed history; the next red flag raises a new one.
 *
 * Two red flags of one patient must not both see "no open alert": the caller holds
 * redFlagLockSql's lock for the patient, in the same transaction, before this statement.
 */
export function redFlagAlertCtes(reasons: readonly string[]): SQL {
  const flagged = reasons.length > 0;
  const list = sql`array(select jsonb_array_elements_text(${JSON.stringify(reasons)}::jsonb))`;
  return sql`
      open_alert as (
        select a.id, a.status from alerts a
        join inserted i on a.patient_id = i.patient_id and a.clinic_id = i.clinic_id
        where ${flagged}::boolean and a.kind = 'red_flag' and a.status <> 'resolved'
        order by a.created_at desc, a.id
        limit 1
      ),
      new_alert as (
        insert into alerts (clinic_id, patient_id, session_log_id, kind, reasons)
        select i.clinic_id, i.patient_id, i.id, 'red_flag', ${list}
        from inserted i where ${flagged}::boolean and not exists (select 1 from open_alert)
        returning id
      ),
      folded as (
        update alerts a set status = 'open', last_reported_at = now(),
               reasons = a.reasons || array(select r from unnest(${list}) r where r <> all(a.reasons))
        from open_alert o where a.id = o.id
        returning a.id, a.clinic_id, o.status as was
      ),
      repeated as (
        insert into alert_events (clinic_id, alert_id, action, note, session_log_id)
        select f.clinic_id, f.id, 'repeated', case when f.was = 'acknowledged' then ${REOPENED_BY_REPEAT} end,
               (select id from inserted)
        from folded f
        returning alert_id
      )`;
}

/** Serialises red flags of one patient (an expression giving the patient's id) until the transaction ends. */
export const redFlagLockSql = (patientId: SQL): SQL =>
  sql`pg_advisory_xact_lock(hashtextextended('red-flag:' || (${patientId})::text, 0))`;
