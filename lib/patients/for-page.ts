import 'server-only';
import { notFound } from 'next/navigation';
import type { Actor } from '@/lib/auth/guard';
import { findPatient } from './patients';
import { patientIdParam } from '@/lib/validation/params';

/** The patient a /patients/[patientId] page is about, or the not-found page (bad id, or another clinic's). */
export async function patientForPage(actor: Actor, params: Promise<{ patientId: string }>) {
  const id = patientIdParam(await params);
  const patient = id ? await findPatient(actor, id) : null;
  if (!patient) notFound();
  return patient;
}
