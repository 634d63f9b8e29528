import 'server-only';
import { eq } from 'drizzle-orm';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { db } from '@/db/client';
import { users } from '@/db/schema';
import { clientAddress } from '@/lib/http/client-address';
import { logger } from '@/lib/logger';
import { signInSchema } from '@/lib/validation/account';
import { verifyPassword } from './password';
import { deviceFromCookieHeader, issueDeviceCookie } from './device-cookie';
import { clearSignInFailures, recordSignInFailure, signInRetryAfter } from './rate-limit';
import { authSecret } from './secret';
import { recordSignIn, recordSignInRateLimited, recordSignInRefused } from './sign-in-audit';
import { checkedSessionToken, overHttps } from './session-cookie';
import { IDLE_TIMEOUT_SECONDS, refreshSessionToken } from './session-token';

export class TooManyAttempts extends CredentialsSignin {
  override code = 'rate_limited';
}

/**
 * Gives the browser that just signed in a device cookie for this account (lib/auth/device-cookie.ts),
 * through the response of the request it signed in with: the sign-in form's action or Auth.js's
 * callback route.
 */
async function rememberDevice(email: string, request: Request) {
  const cookie = issueDeviceCookie(email, overHttps(request.headers, new URL(request.url)));
  try {
    (await cookies()).set(cookie.name, cookie.value, cookie.options);
  } catch (error) {
    logger.warn({ event: 'device_cookie_not_set', error: (error as Error).name }, 'device cookie not set');
  }
}

/** Exported for its tests; Auth.js calls it as the credentials provider's `authorize`. */
export async function authorizeCredentials(raw: unknown, request: Request) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const attempt = {
    email,
    address: clientAddress(request.headers),
    device: deviceFromCookieHeader(email, request.headers.get('cookie')),
  };

  if ((await signInRetryAfter(attempt)) > 0) {
    await recordSignInRateLimited(email, attempt.address);
    throw new TooManyAttempts();
  }

  const [user] = await db().select().from(users).where(eq(users.email, email)).limit(1);
  // Always run the hash, even for unknown emails, so timing does not reveal which exist.
  const valid = await verifyPassword(user?.passwordHash, password);
  if (!user || !valid || user.disabledAt) {
    await recordSignInFailure(attempt);
    await recordSignInRefused(
      user,
      !user ? 'unknown_account' : !valid ? 'wrong_password' : 'disabled',
      attempt.address,
    );
    logger.info({ event: 'sign_in_failed', userId: user?.id ?? null }, 'sign-in refused');
    return null;
  }
  await clearSignInFailures(attempt);
  await recordSignIn(user, attempt.address);
  await rememberDevice(email, request);
  logger.info({ event: 'sign_in', userId: user.id }, 'signed in');
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    clinicId: user.clinicId,
    role: user.role,
    sessionVersion: user.sessionVersion,
    mustChangePassword: user.mustChangePassword,
  };
}

const config = (): NextAuthConfig => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: IDLE_TIMEOUT_SECONDS },
  pages: { signIn: '/login', error: '/login' },
  // Auth.js's own messages go to our logger, as one line with the error's name: a refused sign-in
  // is an expected outcome (authorizeCredentials logs it), not a stack trace on stderr.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return;
      logger.error(
        { event: 'auth_error', error: error.name, cause: error.cause instanceof Error ? error.cause.name : undefined },
        'Auth.js error',
      );
    },
    warn(code) {
      logger.warn({ event: 'auth_warning', code }, 'Auth.js warning');
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: authorizeCredentials,
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      const now = Math.floor(Date.now() / 1000);
      if (user?.id) {
        return {
          ...token,
          uid: user.id,
          cid: user.clinicId,
          role: user.role,
          sv: user.sessionVersion,
          mcp: user.mustChangePassword,
          authTime: now,
        };
      }
      // Every request re-reads the account, so sign-out, a disabled account or a new password
      // (all of which bump session_version) end every copy of this cookie at once.
      return refreshSessionToken(token, now);
    },
    session({ session, token }) {
      return {
        ...session,
        user: {
          id: token.uid ?? '',
          clinicId: token.cid ?? '',
          role: token.role ?? 'practitioner',
          name: token.name ?? '',
          email: token.email ?? '',
          mustChangePassword: token.mcp ?? false,
        },
      };
    },
  },
});

export const { handlers, signIn, signOut } = NextAuth(config);

/**
 * The session token behind this request, checked against the account as the `jwt` callback
 * checks it, or null; read once per request however many components ask. proxy.ts renews the
 * cookie (lib/auth/session-cookie.ts).
 */
export const currentSessionToken = cache(async () => {
  const incoming = await headers();
  return checkedSessionToken(incoming.get('cookie') ?? '', authSecret(), overHttps(incoming));
});
