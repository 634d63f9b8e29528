'use server';

import { requirePractitioner } from '@/lib/auth/guard';
import { signOut } from '@/lib/auth/auth';
import { endAllSessions } from '@/lib/clinic/practitioners';

/** Signing out ends this session and any copied cookie of it. */
export async function signOutAction(): Promise<void> {
  const actor = await requirePractitioner({ allowPendingPasswordChange: true });
  await endAllSessions(actor.userId);
  await signOut({ redirectTo: '/login' });
}
