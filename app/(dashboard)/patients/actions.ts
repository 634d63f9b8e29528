'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type ActionState, invalid, pick } from '@/lib/actions/action-state';
import { requirePractitioner } from '@/lib/auth/guard';
import { createPatient, setPatientStatus, updatePatient } from '@/lib/patients/patients';
import { answersFromForm, recordScreening, screeningFormSchema } from '@/lib/screening/screening';
import { CONTRAINDICATIONS } from '@/lib/screening/contraindications';
import { patientSchema } from '@/lib/validation/patient';

const PATIENT_FIELDS = ['name', 'birthYear', 'email', 'phone', 'timezone', 'primaryPractitionerId', 'notes'] as const;
const patientId = z.uuid();

export async function createPatientAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePractitioner();
  const values = pick(form, PATIENT_FIELDS);
  const parsed = patientSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const outcome = await createPatient(actor, parsed.data);
  if (!outcome.ok) return { status: 'invalid', message: outcome.message, fieldErrors: outcome.field ? { [outcome.field]: [outcome.message] } : undefined, values };
  revalidatePath('/patients');
  redirect(`/patients/${outcome.value.id}?created=1`);
}

export async function updatePatientAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePractitioner();
  const values = pick(form, PATIENT_FIELDS);
  const id = patientId.safeParse(form.get('patientId'));
  if (!id.success) return { status: 'error', message: 'That patient is not in your clinic.' };
  const parsed = patientSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values);
  const outcome = await updatePatient(actor, id.data, parsed.data);
  if (!outcome.ok) return { status: outcome.code === 'not_found' ? 'error' : 'invalid', message: outcome.message, fieldErrors: outcome.field ? { [outcome.field]: [outcome.message] } : undefined, values };
  revalidatePath(`/patients/${id.data}`);
  redirect(`/patients/${id.data}`);
}

const statusChange = z.object({ patientId, status: z.enum(['active', 'discharged']) });

export async function setPatientStatusAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePractitioner();
  const parsed = statusChange.safeParse({ patientId: form.get('patientId'), status: form.get('status') });
  if (!parsed.success) return { status: 'error', message: 'That patient is not in your clinic.' };
  const outcome = await setPatientStatus(actor, parsed.data.patientId, parsed.data.status);
  if (!outcome.ok) return { status: 'error', message: outcome.message };
  revalidatePath(`/patients/${parsed.data.patientId}`);
  revalidatePath('/patients');
  return {
    status: 'ok',
    message: parsed.data.status === 'discharged' ? 'Patient discharged. Their plan has ended.' : 'Patient reactivated. Assign a plan when ready.',
  };
}

const SCREENING_FIELDS = CONTRAINDICATIONS.flatMap((c) => [c.code, `${c.code}_note`]);

export async function recordScreeningAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePractitioner();
  const id = patientId.safeParse(form.get('patientId'));
  if (!id.success) return { status: 'error', message: 'That patient is not in your clinic.' };
  const values = pick(form, SCREENING_FIELDS);
  const parsed = screeningFormSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, values, 'Answer every question with yes or no.');
  const outcome = await recordScreening(actor, id.data, answersFromForm(parsed.data as Record<string, string | undefined>));
  if (!outcome.ok) return { status: 'error', message: outcome.message };
  revalidatePath(`/patients/${id.data}`);
  redirect(`/patients/${id.data}?screened=1`);
}
