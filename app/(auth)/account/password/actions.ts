'use server';

import { formAction } from '@/lib/actions/form-action';
import { signIn } from '@/lib/auth/auth';
import { changeOwnPassword } from '@/lib/clinic/practitioners';
import { changePasswordSchema, safeCallbackPath } from '@/lib/validation/account';

/**
 * Changing the password ends every session the practitioner has (the session version moves),
 * so this browser is signed straight back in with the new one.
 */
export const changePasswordAction = formAction({
  caller: 'signed-in',
  schema: changePasswordSchema,
  echo: ['next'],
  run: async (input, actor, form) => {
    const changed = await changeOwnPassword(actor, input);
    if (!changed.ok) return changed;
    await signIn('credentials', {
      email: actor.email,
      password: input.newPassword,
      redirectTo: safeCallbackPath(form.get('next')),
    });
    return changed;
  },
  done: () => ({ status: 'ok', message: 'Password changed.' }),
});
