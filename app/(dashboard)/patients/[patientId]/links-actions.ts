'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormAction } from '@/lib/actions/action-state';
import { formAction } from '@/lib/actions/form-action';
import { type LinkActionState, createPatientLink, revokePatientLink, rotatePatientLinks } from '@/lib/patients/links';
import { shownLink } from '@/lib/patients/shown-link';
import { createLinkSchema } from '@/lib/validation/link';

async function shownOnce(token: string, label: string) {
  return { ...(await shownLink(token)), label };
}

const ROTATED_LABEL = 'Replacement link';

const createLink: FormAction<LinkActionState> = formAction({
  caller: 'practitioner',
  schema: createLinkSchema,
  run: (input, actor) => createPatientLink(actor, input.patientId, input),
  done: async ({ token }, { patientId, label }) => {
    revalidatePath(`/patients/${patientId}`);
    return {
      status: 'ok',
      message: 'Link created. Copy it now: it is shown only once.',
      created: await shownOnce(token, label),
    };
  },
});

const rotateLinks: FormAction<LinkActionState> = formAction({
  caller: 'practitioner',
  schema: z.object({ patientId: z.uuid() }),
  notFound: { fields: ['patientId'], message: 'That patient is not in your clinic.' },
  run: ({ patientId }, actor) => rotatePatientLinks(actor, patientId, ROTATED_LABEL),
  done: async ({ token }, { patientId }) => {
    revalidatePath(`/patients/${patientId}`);
    return {
      status: 'ok',
      message: 'All earlier links stopped working. Give the patient this new one.',
      created: await shownOnce(token, ROTATED_LABEL),
    };
  },
});

/** Creating and rotating share one form state, so the page shows whichever link came last. */
export async function issueLinkAction(prev: LinkActionState, form: FormData): Promise<LinkActionState> {
  return form.get('intent') === 'rotate' ? rotateLinks(prev, form) : createLink(prev, form);
}

export const revokeLinkAction = formAction({
  caller: 'practitioner',
  schema: z.object({ linkId: z.uuid(), patientId: z.uuid() }),
  notFound: { fields: ['linkId', 'patientId'], message: 'That link is not in your clinic.' },
  run: ({ linkId }, actor) => revokePatientLink(actor, linkId),
  done: (_, { patientId }) => {
    revalidatePath(`/patients/${patientId}`);
    return { status: 'ok', message: 'Link revoked. It stops working on its next use.' };
  },
});
