'use server';

import { z } from 'zod';
import { idle } from '@/lib/actions/action-state';
import { formAction } from '@/lib/actions/form-action';
import { ok } from '@/lib/actions/result';
import { signOut } from '@/lib/auth/auth';
import { endAllSessions } from '@/lib/clinic/practitioners';

/** Signing out ends this session and any copied cookie of it. */
export const signOutAction = formAction({
  caller: 'signed-in',
  schema: z.object({}),
  run: async (_input, actor) => {
    await endAllSessions(actor);
    await signOut({ redirectTo: '/login' });
    return ok();
  },
  done: () => idle,
});
