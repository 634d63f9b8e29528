'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type ActionState, invalid } from '@/lib/actions/action-state';
import { requirePractitioner } from '@/lib/auth/guard';
import { findPatient } from '@/lib/patients/patients';
import { adjustPlan, assignPlan, type PlanOutcome, restorePlanVersion, swapToVariant } from '@/lib/plans/assign';
import { adjustPlanSchema, assignPlanSchema, planFormToObject, restoreVersionSchema, swapVariantSchema } from '@/lib/validation/plan';

const ids = z.object({ patientId: z.uuid(), planId: z.uuid().optional() });

function outcomeState(outcome: Exclude<PlanOutcome, { ok: true }>): ActionState {
  return { status: outcome.code === 'invalid' ? 'invalid' : 'error', message: outcome.message, fieldErrors: outcome.fieldErrors };
}

export async function assignPlanAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePractitioner();
  const target = ids.safeParse({ patientId: form.get('patientId') });
  if (!target.success) return { status: 'error', message: 'That patient is not in your clinic.' };
  const parsed = assignPlanSchema.safeParse(planFormToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const outcome = await assignPlan(actor, target.data.patientId, parsed.data);
  if (!outcome.ok) return outcomeState(outcome);
  revalidatePath(`/patients/${target.data.patientId}`);
  redirect(`/patients/${target.data.patientId}/plan?assigned=1`);
}

export async function adjustPlanAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePractitioner();
  const target = ids.safeParse({ patientId: form.get('patientId'), planId: form.get('planId') });
  if (!target.success || !target.data.planId) return { status: 'error', message: 'That plan is not in your clinic.' };
  const parsed = adjustPlanSchema.safeParse(planFormToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const outcome = await adjustPlan(actor, target.data.planId, parsed.data);
  if (!outcome.ok) return outcomeState(outcome);
  revalidatePath(`/patients/${target.data.patientId}`);
  revalidatePath(`/patients/${target.data.patientId}/plan`);
  return { status: 'ok', message: `Saved as version ${outcome.version}.` };
}

export async function restoreVersionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePractitioner();
  const target = ids.safeParse({ patientId: form.get('patientId'), planId: form.get('planId') });
  if (!target.success || !target.data.planId) return { status: 'error', message: 'That plan is not in your clinic.' };
  const parsed = restoreVersionSchema.safeParse({ version: form.get('version'), reason: form.get('reason') });
  if (!parsed.success) return invalid(parsed.error);
  const patient = await findPatient(actor, target.data.patientId);
  if (!patient) return { status: 'error', message: 'That patient is not in your clinic.' };
  const outcome = await restorePlanVersion(actor, target.data.planId, parsed.data.version, parsed.data.reason, patient.timezone);
  if (!outcome.ok) return outcomeState(outcome);
  revalidatePath(`/patients/${target.data.patientId}/plan`);
  return { status: 'ok', message: `Version ${parsed.data.version} restored as version ${outcome.version}.` };
}

export async function swapVariantAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePractitioner();
  const target = ids.safeParse({ patientId: form.get('patientId'), planId: form.get('planId') });
  if (!target.success || !target.data.planId) return { status: 'error', message: 'That plan is not in your clinic.' };
  const parsed = swapVariantSchema.safeParse({ position: form.get('position'), direction: form.get('direction'), reason: form.get('reason') });
  if (!parsed.success) return invalid(parsed.error);
  const patient = await findPatient(actor, target.data.patientId);
  if (!patient) return { status: 'error', message: 'That patient is not in your clinic.' };
  const outcome = await swapToVariant(actor, target.data.planId, parsed.data.position, parsed.data.direction, parsed.data.reason, patient.timezone);
  if (!outcome.ok) {
    const state = outcomeState(outcome);
    return outcome.missingAcknowledgements?.length ? { ...state, message: 'The new exercise needs a reason for a precaution: use “Adjust doses” to add it.' } : state;
  }
  revalidatePath(`/patients/${target.data.patientId}/plan`);
  return { status: 'ok', message: `Exercise swapped; saved as version ${outcome.version}.` };
}
