import 'server-only';
import { notFound } from 'next/navigation';
import { type PatientView, recordDenied, recordPatientView } from '@/lib/audit/reads';
import type { Actor } from '@/lib/auth/guard';
import { findPatient } from './patients';
import { patientIdParam } from '@/lib/validation/params';

/**
 * The patient a /patients/[patientId] page is about, or the not-found page (bad id, or another
 * clinic's: recorded as a refusal). A page that shows the record names its view for the audit trail.
 */
export async function patientForPage(actor: Actor, params: Promise<{ patientId: string }>, view?: PatientView) {
  const id = patientIdParam(await params);
  const patient = id ? await findPatient(actor, id) : null;
  if (!patient) {
    await recordDenied(actor.clinicId, actor.userId, 'not_in_clinic', 'patient', id);
    notFound();
  }
  if (view) await recordPatientView(actor, patient.id, view);
  return patient;
}
