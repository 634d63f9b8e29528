'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { type ActionState, invalid, pick } from '@/lib/actions/action-state';
import { signIn } from '@/lib/auth/auth';
import { signInRetryAfter } from '@/lib/auth/rate-limit';
import { clientAddress } from '@/lib/http/client-address';
import { safeCallbackPath, signInSchema } from '@/lib/validation/account';

function tooManyAttempts(ms: number): ActionState {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return {
    status: 'error',
    message: `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
  };
}

/** The sign-in form. Public by nature: the credentials provider is the check, and it is rate-limited. */
export async function authenticate(_prev: ActionState, form: FormData): Promise<ActionState> {
  const values = pick(form, ['email', 'callbackUrl']);
  const parsed = signInSchema.safeParse({ email: form.get('email'), password: form.get('password') });
  if (!parsed.success) return invalid(parsed.error, values);
  const { email, password } = parsed.data;
  const address = clientAddress(await headers());

  const wait = await signInRetryAfter(email, address);
  if (wait > 0) return { ...tooManyAttempts(wait), values };

  try {
    await signIn('credentials', { email, password, redirectTo: safeCallbackPath(form.get('callbackUrl')) });
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const blocked = await signInRetryAfter(email, address);
      if (blocked > 0 && error.code === 'rate_limited') return { ...tooManyAttempts(blocked), values };
      return { status: 'error', message: 'That email and password do not match an active account.', values };
    }
    if (error instanceof AuthError) {
      return { status: 'error', message: 'Sign-in is unavailable right now. Please try again.', values };
    }
    // Next's redirect after a successful sign-in travels as an exception: let it through.
    throw error;
  }
  return { status: 'idle' };
}
