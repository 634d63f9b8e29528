// What the database holds after the faults: every acknowledged log exactly once, and nothing
// half-written (a red-flag log without its alert or fold, an alert or a fold without its log,
// a log without its audit row, or an audit row without its log).
import { sql } from 'drizzle-orm';
import { type Database, rowsOf } from '@/db/client';
import type { PlannedLog, Tally } from './clients';

export type Verdict = {
  stored: number;
  duplicates: number;
  lost: number;
  halfWritten: number;
  redFlagLogs: number;
  redFlagAlerts: number;
  foldedRepeats: number;
};

export async function verify(db: Database, plan: PlannedLog[][], tally: Tally): Promise<Verdict> {
  const logs = plan.flat();
  const keys = `{${logs.map((l) => l.key).join(',')}}`;
  const rows = rowsOf<{
    key: string;
    copies: number;
    audits: number;
    alerts: number;
    repeats: number;
    flagged: boolean;
  }>(
    await db.execute(sql`
      select s.idempotency_key::text as key, count(*) over (partition by s.idempotency_key)::int as copies,
             (select count(*)::int from audit_events a where a.action = 'session_log.recorded' and a.subject_id = s.id::text) as audits,
             (select count(*)::int from alerts a where a.session_log_id = s.id) as alerts,
             (select count(*)::int from alert_events e where e.action = 'repeated' and e.session_log_id = s.id) as repeats,
             cardinality(s.symptoms) > 0 as flagged
      from session_logs s where s.idempotency_key = any(${keys}::uuid[])`),
  );
  const storedKeys = new Set(rows.map((r) => r.key));
  const duplicates = rows.filter((r) => r.copies > 1).length;
  const lost = [...tally.acknowledged].filter((k) => !storedKeys.has(k)).length;
  const badLogs = rows.filter(
    (r) => r.audits !== 1 || (r.flagged ? r.alerts + r.repeats !== 1 : r.alerts + r.repeats !== 0),
  );
  const patients = `{${[...new Set(logs.map((l) => l.link.patientId))].join(',')}}`;
  const [orphans] = rowsOf<{ alerts: number; repeats: number; audits: number; flagged: number; folds: number }>(
    await db.execute(sql`
      select
        (select count(*)::int from alerts where patient_id = any(${patients}::uuid[]) and (session_log_id is null or kind <> 'red_flag')) as alerts,
        (select count(*)::int from alert_events e join alerts a on a.id = e.alert_id
           where a.patient_id = any(${patients}::uuid[]) and e.action = 'repeated' and e.session_log_id is null) as repeats,
        (select count(*)::int from audit_events a where a.patient_id = any(${patients}::uuid[]) and a.action = 'session_log.recorded'
           and not exists (select 1 from session_logs s where s.id::text = a.subject_id)) as audits,
        (select count(*)::int from alerts where patient_id = any(${patients}::uuid[])) as flagged,
        (select count(*)::int from alert_events e join alerts a on a.id = e.alert_id
           where a.patient_id = any(${patients}::uuid[]) and e.action = 'repeated') as folds`),
  );
  return {
    stored: storedKeys.size,
    duplicates,
    lost,
    halfWritten: badLogs.length + orphans!.alerts + orphans!.repeats + orphans!.audits,
    redFlagLogs: rows.filter((r) => r.flagged).length,
    redFlagAlerts: orphans!.flagged,
    foldedRepeats: orphans!.folds,
  };
}
