'use server';

import { changePasswordAndSignIn } from '@/lib/account-actions';
import type { ActionState } from '@/lib/actions/action-state';
import { requirePractitioner } from '@/lib/auth/guard';

export async function changePasswordAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requirePractitioner({ allowPendingPasswordChange: true });
  return changePasswordAndSignIn(actor, form);
}
