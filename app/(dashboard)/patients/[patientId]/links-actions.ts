'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import QRCode from 'qrcode';
import { z } from 'zod';
import { type ActionState, invalid } from '@/lib/actions/action-state';
import { requirePractitioner } from '@/lib/auth/guard';
import { createPatientLink, revokePatientLink, rotatePatientLinks } from '@/lib/patients/links';
import { publicOrigin } from '@/lib/http/public-url';
import { createLinkSchema } from '@/lib/validation/link';

/** The one time a link's address exists outside the patient's hands: shown once, never stored. */
export type LinkActionState = ActionState & { created?: { url: string; qrSvg: string; label: string } };

async function shownOnce(token: string, label: string) {
  const url = `${publicOrigin(await headers())}/p/${token}`;
  const qrSvg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  return { url, qrSvg, label };
}

/** Creating and rotating share one form state, so the page shows whichever link came last. */
export async function issueLinkAction(_prev: LinkActionState, form: FormData): Promise<LinkActionState> {
  return form.get('intent') === 'rotate' ? rotateLinks(form) : createLink(form);
}

async function createLink(form: FormData): Promise<LinkActionState> {
  const actor = await requirePractitioner();
  const parsed = createLinkSchema.safeParse({ patientId: form.get('patientId'), label: form.get('label'), expiresInDays: form.get('expiresInDays') ?? '' });
  if (!parsed.success) return invalid(parsed.error);
  const outcome = await createPatientLink(actor, parsed.data.patientId, parsed.data);
  if (!outcome.ok) return { status: 'error', message: outcome.message };
  revalidatePath(`/patients/${parsed.data.patientId}`);
  return { status: 'ok', message: 'Link created. Copy it now: it is shown only once.', created: await shownOnce(outcome.token, parsed.data.label) };
}

async function rotateLinks(form: FormData): Promise<LinkActionState> {
  const actor = await requirePractitioner();
  const patientId = z.uuid().safeParse(form.get('patientId'));
  if (!patientId.success) return { status: 'error', message: 'That patient is not in your clinic.' };
  const outcome = await rotatePatientLinks(actor, patientId.data, 'Replacement link');
  if (!outcome.ok) return { status: 'error', message: outcome.message };
  revalidatePath(`/patients/${patientId.data}`);
  return { status: 'ok', message: 'All earlier links stopped working. Give the patient this new one.', created: await shownOnce(outcome.token, 'Replacement link') };
}

export async function revokeLinkAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePractitioner();
  const ids = z.object({ linkId: z.uuid(), patientId: z.uuid() }).safeParse({ linkId: form.get('linkId'), patientId: form.get('patientId') });
  if (!ids.success) return { status: 'error', message: 'That link is not in your clinic.' };
  const outcome = await revokePatientLink(actor, ids.data.linkId);
  if (!outcome.ok) return { status: 'error', message: outcome.message };
  revalidatePath(`/patients/${ids.data.patientId}`);
  return { status: 'ok', message: 'Link revoked. It stops working on its next use.' };
}
