'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formAction } from '@/lib/actions/form-action';
import { createReferral, moveReferral, recordReport } from '@/lib/referrals/referrals';
import { STATUS_LABELS } from '@/lib/referrals/status';
import {
  createReferralSchema,
  letterPrintedSchema,
  moveReferralSchema,
  recordReportSchema,
} from '@/lib/validation/referral';
import { recordLetterPrinted } from '@/lib/referrals/letter';

export const createReferralAction = formAction({
  caller: 'practitioner',
  schema: createReferralSchema,
  echo: ['providerId', 'reason', 'urgency', 'request', 'goal', 'patientInformed'],
  notFound: { fields: ['patientId'], message: 'That patient is not in your clinic.' },
  run: (input, actor) => createReferral(actor, input),
  done: (_, { patientId }) => {
    revalidatePath(`/patients/${patientId}`);
    redirect(`/patients/${patientId}?referred=1#referrals-heading`);
  },
});

export const moveReferralAction = formAction({
  caller: 'practitioner',
  schema: moveReferralSchema,
  echo: ['on', 'note'],
  notFound: { fields: ['referralId'], message: 'That referral is not in your clinic.' },
  run: (input, actor) => moveReferral(actor, input),
  done: ({ status }) => {
    revalidatePath('/patients/[patientId]', 'page');
    return { status: 'ok', message: `Referral marked ${STATUS_LABELS[status].toLowerCase()}.` };
  },
});

export const recordReportAction = formAction({
  caller: 'practitioner',
  schema: recordReportSchema,
  echo: ['findings', 'recommendations', 'reportOn'],
  notFound: { fields: ['referralId'], message: 'That referral is not in your clinic.' },
  run: (input, actor) => recordReport(actor, input),
  done: () => {
    revalidatePath('/patients/[patientId]', 'page');
    return { status: 'ok', message: 'Report recorded.' };
  },
});

export const letterPrintedAction = formAction({
  caller: 'practitioner',
  schema: letterPrintedSchema,
  notFound: { fields: ['referralId'], message: 'That referral is not in your clinic.' },
  run: ({ referralId }, actor) => recordLetterPrinted(actor, referralId),
  done: () => {
    revalidatePath('/patients/[patientId]', 'page');
    return { status: 'ok', message: 'Printing recorded on the referral.' };
  },
});
