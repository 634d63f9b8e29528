'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/form-action';
import { actOnAlert, alertActionSchema } from '@/lib/alerts/alerts';

const DONE = { resolved: 'Alert resolved.', acknowledged: 'Alert acknowledged.', open: 'Alert reopened.' } as const;

export const alertAction = formAction({
  caller: 'practitioner',
  schema: alertActionSchema,
  run: (input, actor) => actOnAlert(actor, input),
  done: ({ patientId, status }) => {
    revalidatePath('/alerts');
    revalidatePath('/dashboard');
    revalidatePath(`/patients/${patientId}`);
    return { status: 'ok', message: DONE[status] };
  },
});
