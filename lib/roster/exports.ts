import 'server-only';
import type { Actor } from '@/lib/auth/guard';
import { toCsv } from '@/lib/http/csv';
import { dashboard } from './dashboard';
import { findPatient } from '@/lib/patients/patients';
import { symptomLabel } from '@/lib/patient-portal/log-contract';
import { logsOfPatient } from '@/lib/patients/session-logs';

/** The roster's adherence figures, one row per active patient in scope. */
export async function rosterCsv(actor: Actor, scope: 'clinic' | 'mine'): Promise<string> {
  const data = await dashboard(actor, { scope, show: 'all', sort: 'name', dir: 'asc', page: 1 }, 100_000);
  return toCsv(
    [
      'patient',
      'practitioner',
      'adherence_7d',
      'completed_7d',
      'logged_7d',
      'prescribed_7d',
      'adherence_28d',
      'completed_28d',
      'prescribed_28d',
      'last_session_day',
      'pain_before_7d',
      'pain_before_change',
      'pain_after_7d',
      'pain_after_change',
      'open_red_flags',
      'needs_attention',
    ],
    data.rows.map((r) => [
      r.name,
      r.practitionerName,
      r.adherence7 === null ? null : r.adherence7.toFixed(3),
      r.completed7,
      r.logged7,
      r.prescribed7,
      r.adherence28 === null ? null : r.adherence28.toFixed(3),
      r.completed28,
      r.prescribed28,
      r.lastSessionDay,
      r.painBefore7,
      r.painBeforeChange,
      r.painAfter7,
      r.painChange,
      r.openRedFlags,
      r.reasons.join(' '),
    ]),
  );
}

/** One patient's session logs, or null when the patient is not in the actor's clinic. */
export async function patientLogsCsv(actor: Actor, patientId: string): Promise<{ name: string; csv: string } | null> {
  const patient = await findPatient(actor, patientId);
  if (!patient) return null;
  const logs = await logsOfPatient(actor, patientId, 100_000);
  return {
    name: patient.name,
    csv: toCsv(
      [
        'performed_at',
        'local_day',
        'exercises_done',
        'exercises_partly_done',
        'pain_before',
        'pain_after',
        'symptoms',
        'note',
        'red_flags',
        'alert_status',
      ],
      logs.map((l) => [
        l.performedAt,
        l.localDay,
        l.itemsDone.length,
        l.itemsPartial.length,
        l.painBefore,
        l.painAfter,
        l.symptoms.map(symptomLabel).join('; '),
        l.note,
        l.redFlags?.join('; ') ?? null,
        l.alertStatus,
      ]),
    ),
  };
}
