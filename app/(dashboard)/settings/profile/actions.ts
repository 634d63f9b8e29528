'use server';

import { revalidatePath } from 'next/cache';
import { type ActionState, invalid, pick } from '@/lib/actions/action-state';
import { requirePractitioner } from '@/lib/auth/guard';
import { updateProfile } from '@/lib/clinic/practitioners';
import { profileSchema } from '@/lib/validation/account';

export async function updateProfileAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePractitioner();
  const values = pick(form, ['name', 'discipline']);
  const parsed = profileSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, values);
  await updateProfile(actor, parsed.data);
  revalidatePath('/', 'layout');
  return { status: 'ok', message: 'Profile saved.', values };
}
