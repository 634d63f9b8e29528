import 'server-only';
import { cache } from 'react';
import { notInClinic, type PatientView, recordPatientView } from '@/lib/audit/reads';
import type { Actor } from '@/lib/auth/guard';
import { findPatient } from './patients';
import { patientIdParam } from '@/lib/validation/params';

/**
 * The patient a /patients/[patientId] page is about, or the not-found page (bad id, or another
 * clinic's: recorded as a refusal). A page that shows the record names its view for the audit trail.
 */
export async function patientForPage(actor: Actor, params: Promise<{ patientId: string }>, view?: PatientView) {
  const id = patientIdParam(await params);
  const patient = id ? await patientOfRequest(actor.clinicId, id) : null;
  if (!patient) return notInClinic(actor, 'patient', id);
  if (view) await recordPatientView(actor, patient.id, view);
  return patient;
}

/**
 * Read once per request: the segment's layout and its page both ask for the patient (React's
 * cache lasts one server render; actions, which change patients, call findPatient directly).
 */
const patientOfRequest = cache((clinicId: string, patientId: string) => findPatient({ clinicId }, patientId));
