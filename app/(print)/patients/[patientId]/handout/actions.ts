'use server';

import { revalidatePath } from 'next/cache';
import type { HandoutPrintState } from '@/components/handout/handout-print';
import { formAction } from '@/lib/actions/form-action';
import { recordHandoutPrint } from '@/lib/handout/prints';
import { shownLink } from '@/lib/patients/shown-link';
import { printHandoutSchema } from '@/lib/validation/handout';

type Printed = { token: string | null; linkId: string | null };

export const printHandoutAction = formAction<'practitioner', typeof printHandoutSchema, Printed, HandoutPrintState>({
  caller: 'practitioner',
  schema: printHandoutSchema,
  notFound: { fields: ['patientId'], message: 'That patient is not in your clinic.' },
  run: (input, actor) => recordHandoutPrint(actor, input),
  done: async ({ token, linkId }, { patientId }) => {
    revalidatePath(`/patients/${patientId}`);
    revalidatePath(`/patients/${patientId}/plan`);
    if (!token || !linkId) return { status: 'ok', message: 'Printing recorded.' };
    return {
      status: 'ok',
      message: 'Printing recorded with a new link for the QR code.',
      issued: { ...(await shownLink(token)), linkId },
    };
  },
});
