import 'server-only';
import crypto from 'node:crypto';
import { RateLimiterDrizzle } from 'rate-limiter-flexible';
import { db } from '@/db/client';
import { rateLimits } from '@/db/schema';

const WINDOW_SECONDS = 15 * 60;

/** Failed sign-ins allowed per account and per address in a 15-minute window. */
export const SIGN_IN_LIMITS = { perAccount: 5, perAddress: 30 } as const;

type Limiters = { account: RateLimiterDrizzle; address: RateLimiterDrizzle };

const g = globalThis as { __rollcallSignInLimiters?: Limiters };

function limiters(): Limiters {
  g.__rollcallSignInLimiters ??= {
    account: new RateLimiterDrizzle({
      storeClient: db(),
      schema: rateLimits,
      keyPrefix: 'signin-account',
      points: SIGN_IN_LIMITS.perAccount,
      duration: WINDOW_SECONDS,
      blockDuration: WINDOW_SECONDS,
    }),
    address: new RateLimiterDrizzle({
      storeClient: db(),
      schema: rateLimits,
      keyPrefix: 'signin-address',
      points: SIGN_IN_LIMITS.perAddress,
      duration: WINDOW_SECONDS,
      blockDuration: WINDOW_SECONDS,
    }),
  };
  return g.__rollcallSignInLimiters;
}

// Emails and addresses are hashed so the counter table holds no personal data.
const digest = (value: string) => crypto.createHash('sha256').update(value).digest('base64url');

/** Milliseconds until sign-in is allowed again for this account or address; 0 when allowed now. */
export async function signInRetryAfter(email: string, address: string): Promise<number> {
  const { account, address: byAddress } = limiters();
  const [a, b] = await Promise.all([account.get(digest(email)), byAddress.get(digest(address))]);
  const blocked = [
    a && a.consumedPoints >= SIGN_IN_LIMITS.perAccount ? a.msBeforeNext : 0,
    b && b.consumedPoints >= SIGN_IN_LIMITS.perAddress ? b.msBeforeNext : 0,
  ];
  return Math.max(...blocked);
}

export async function recordSignInFailure(email: string, address: string): Promise<void> {
  const { account, address: byAddress } = limiters();
  // consume() rejects once the limit is passed; the counter still moved, which is all we need.
  await Promise.allSettled([account.consume(digest(email)), byAddress.consume(digest(address))]);
}

export async function clearSignInFailures(email: string): Promise<void> {
  await limiters().account.delete(digest(email));
}
