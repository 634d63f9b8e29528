'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { fail } from '@/lib/actions/result';
import { findPatient } from '@/lib/patients/patients';
import { applySuggestion, dismissSuggestion } from '@/lib/progression/decisions';
import { applySuggestionSchema, dismissSuggestionSchema } from '@/lib/validation/progression';
import { adjustPlan, assignPlan, lacksAcknowledgement, restorePlanVersion, swapToVariant } from '@/lib/plans/assign';
import {
  adjustPlanSchema,
  assignPlanSchema,
  planFormToObject,
  planFieldKey,
  restoreVersionSchema,
  swapVariantSchema,
} from '@/lib/validation/plan';

const planIds = { patientId: z.uuid(), planId: z.uuid() };
const planNotInClinic = { fields: ['patientId', 'planId'], message: 'That plan is not in your clinic.' };
const patientNotInClinic = fail('not_found', 'That patient is not in your clinic.');

export const assignPlanAction = formAction({
  caller: 'practitioner',
  schema: assignPlanSchema.safeExtend({ patientId: planIds.patientId }),
  read: planFormToObject,
  fieldKey: planFieldKey,
  notFound: { fields: ['patientId'], message: 'That patient is not in your clinic.' },
  run: ({ patientId, ...input }, actor) => assignPlan(actor, patientId, input),
  done: (_, { patientId }) => {
    revalidatePath(`/patients/${patientId}`);
    redirect(`/patients/${patientId}/plan?assigned=1`);
  },
});

export const adjustPlanAction = formAction({
  caller: 'practitioner',
  schema: adjustPlanSchema.extend(planIds),
  read: planFormToObject,
  fieldKey: planFieldKey,
  notFound: planNotInClinic,
  run: ({ patientId: _, planId, ...input }, actor) => adjustPlan(actor, planId, input),
  done: ({ version }, { patientId }) => {
    revalidatePath(`/patients/${patientId}`);
    revalidatePath(`/patients/${patientId}/plan`);
    return { status: 'ok', message: `Saved as version ${version}.` };
  },
});

export const restoreVersionAction = formAction({
  caller: 'practitioner',
  schema: restoreVersionSchema.extend(planIds),
  notFound: planNotInClinic,
  run: async ({ patientId, planId, version, reason }, actor) => {
    const patient = await findPatient(actor, patientId);
    if (!patient) return patientNotInClinic;
    return restorePlanVersion(actor, planId, version, reason, patient.timezone);
  },
  done: ({ version }, input) => {
    revalidatePath(`/patients/${input.patientId}/plan`);
    return { status: 'ok', message: `Version ${input.version} restored as version ${version}.` };
  },
});

export const swapVariantAction = formAction({
  caller: 'practitioner',
  schema: swapVariantSchema.extend(planIds),
  notFound: planNotInClinic,
  run: async ({ patientId, planId, position, direction, reason }, actor) => {
    const patient = await findPatient(actor, patientId);
    if (!patient) return patientNotInClinic;
    const swapped = await swapToVariant(actor, planId, position, direction, reason, patient.timezone);
    // The swap form has no field for a precaution's reason; the full editor does.
    if (!swapped.ok && lacksAcknowledgement(swapped))
      return { ...swapped, message: 'The new exercise needs a reason for a precaution: use “Adjust doses” to add it.' };
    return swapped;
  },
  done: ({ version }, { patientId }) => {
    revalidatePath(`/patients/${patientId}/plan`);
    return { status: 'ok', message: `Exercise swapped; saved as version ${version}.` };
  },
});

export const applySuggestionAction = formAction({
  caller: 'practitioner',
  schema: applySuggestionSchema,
  notFound: { fields: ['patientId'], message: 'That patient is not in your clinic.' },
  run: (input, actor) => applySuggestion(actor, input),
  // The card goes once the suggestion is applied, so the page, not the card, says it worked.
  done: ({ version }, { patientId }) => {
    revalidatePath(`/patients/${patientId}`);
    redirect(`/patients/${patientId}/plan?applied=${version}`);
  },
});

export const dismissSuggestionAction = formAction({
  caller: 'practitioner',
  schema: dismissSuggestionSchema,
  echo: ['note'],
  notFound: { fields: ['patientId'], message: 'That patient is not in your clinic.' },
  run: (input, actor) => dismissSuggestion(actor, input),
  done: (_, { patientId }) => {
    revalidatePath(`/patients/${patientId}/plan`);
    redirect(`/patients/${patientId}/plan?dismissed=1`);
  },
});
