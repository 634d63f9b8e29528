'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { idle } from '@/lib/actions/action-state';
import { formAction } from '@/lib/actions/form-action';
import { fail, ok } from '@/lib/actions/result';
import { signIn } from '@/lib/auth/auth';
import { deviceFromCookieHeader } from '@/lib/auth/device-cookie';
import { signInRetryAfter } from '@/lib/auth/rate-limit';
import { recordSignInRateLimited } from '@/lib/auth/sign-in-audit';
import { clientAddress } from '@/lib/http/client-address';
import { safeCallbackPath, signInSchema } from '@/lib/validation/account';

function tooManyAttempts(ms: number) {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return fail('rate_limited', `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
}

/** The sign-in form. Public by nature: the credentials provider is the check, and it is rate-limited. */
export const authenticate = formAction({
  caller: 'public',
  schema: signInSchema,
  echo: ['email', 'callbackUrl'],
  run: async ({ email, password }, _actor, form) => {
    const requestHeaders = await headers();
    const attempt = {
      email,
      address: clientAddress(requestHeaders),
      device: deviceFromCookieHeader(email, requestHeaders.get('cookie')),
    };
    const wait = await signInRetryAfter(attempt);
    if (wait > 0) {
      await recordSignInRateLimited(email, attempt.address);
      return tooManyAttempts(wait);
    }
    try {
      await signIn('credentials', { email, password, redirectTo: safeCallbackPath(form.get('callbackUrl')) });
    } catch (error) {
      if (error instanceof CredentialsSignin) {
        const blocked = await signInRetryAfter(attempt);
        if (blocked > 0 && error.code === 'rate_limited') return tooManyAttempts(blocked);
        return fail('refused', 'That email and password do not match an active account.');
      }
      if (error instanceof AuthError) return fail('refused', 'Sign-in is unavailable right now. Please try again.');
      // Next's redirect after a successful sign-in travels as an exception: let it through.
      throw error;
    }
    return ok();
  },
  done: () => idle,
});
