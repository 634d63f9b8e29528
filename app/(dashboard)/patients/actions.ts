'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { createPatient, setPatientStatus, updatePatient } from '@/lib/patients/patients';
import { answersFromForm, recordScreening, screeningFormSchema } from '@/lib/screening/screening';
import { CONTRAINDICATIONS } from '@/lib/screening/contraindications';
import { patientSchema } from '@/lib/validation/patient';

const PATIENT_FIELDS = ['name', 'birthYear', 'email', 'phone', 'timezone', 'primaryPractitionerId', 'notes'] as const;
const patientId = z.uuid();
const notInClinic = { fields: ['patientId'], message: 'That patient is not in your clinic.' };

export const createPatientAction = formAction({
  caller: 'practitioner',
  schema: patientSchema,
  echo: PATIENT_FIELDS,
  run: (input, actor) => createPatient(actor, input),
  done: ({ id }) => {
    revalidatePath('/patients');
    redirect(`/patients/${id}?created=1`);
  },
});

export const updatePatientAction = formAction({
  caller: 'practitioner',
  schema: patientSchema.extend({ patientId }),
  echo: PATIENT_FIELDS,
  notFound: notInClinic,
  run: ({ patientId: id, ...input }, actor) => updatePatient(actor, id, input),
  done: (_, { patientId: id }) => {
    revalidatePath(`/patients/${id}`);
    redirect(`/patients/${id}`);
  },
});

export const setPatientStatusAction = formAction({
  caller: 'practitioner',
  schema: z.object({ patientId, status: z.enum(['active', 'discharged']) }),
  notFound: { ...notInClinic, fields: ['patientId', 'status'] },
  run: ({ patientId: id, status }, actor) => setPatientStatus(actor, id, status),
  done: (_, { patientId: id, status }) => {
    revalidatePath(`/patients/${id}`);
    revalidatePath('/patients');
    return {
      status: 'ok',
      message:
        status === 'discharged'
          ? 'Patient discharged. Their plan has ended.'
          : 'Patient reactivated. Assign a plan when ready.',
    };
  },
});

export const recordScreeningAction = formAction({
  caller: 'practitioner',
  schema: z.object({ patientId }).and(screeningFormSchema),
  echo: CONTRAINDICATIONS.flatMap((c) => [c.code, `${c.code}_note`]),
  notFound: notInClinic,
  invalidMessage: 'Answer every question with yes or no.',
  run: (input, actor) => recordScreening(actor, input.patientId, answersFromForm(input)),
  done: (_, { patientId: id }) => {
    revalidatePath(`/patients/${id}`);
    redirect(`/patients/${id}?screened=1`);
  },
});
