import 'server-only';
import { type ActionState, invalid, pick } from '@/lib/actions/action-state';
import { signIn } from './auth/auth';
import type { Actor } from './auth/guard';
import { changeOwnPassword } from '@/lib/clinic/practitioners';
import { changePasswordSchema, safeCallbackPath } from './validation/account';

/**
 * Changes the actor's password. That ends every session they have (the session version moves),
 * so the current browser is signed straight back in with the new password.
 */
export async function changePasswordAndSignIn(actor: Actor, form: FormData): Promise<ActionState> {
  const parsed = changePasswordSchema.safeParse({
    currentPassword: form.get('currentPassword'),
    newPassword: form.get('newPassword'),
    confirmPassword: form.get('confirmPassword'),
  });
  if (!parsed.success) return invalid(parsed.error, pick(form, ['next']));
  const outcome = await changeOwnPassword(actor, parsed.data);
  if (!outcome.ok) {
    return {
      status: 'invalid',
      message: outcome.message,
      fieldErrors: outcome.field ? { [outcome.field]: [outcome.message] } : undefined,
    };
  }
  await signIn('credentials', {
    email: actor.email,
    password: parsed.data.newPassword,
    redirectTo: safeCallbackPath(form.get('next')),
  });
  return { status: 'ok', message: 'Password changed.' };
}
