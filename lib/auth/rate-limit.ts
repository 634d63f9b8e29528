import 'server-only';
import crypto from 'node:crypto';
import { RateLimiterDrizzle } from 'rate-limiter-flexible';
import { db } from '@/db/client';
import { rateLimits } from '@/db/schema';

const MINUTE = 60;

/**
 * Failed sign-ins allowed, kept in the database so they hold across server processes:
 *  - per account from one address, and per address across accounts: 5 and 30 in 15 minutes;
 *  - per account from anywhere, for browsers with no device cookie: 20 in an hour (slower, so a
 *    distributed guesser is held back, while the owner's own browser is let through);
 *  - per device cookie (a browser that signed in to the account before): 5 in 15 minutes.
 * Someone who knows an email address can lock it out only for browsers that never signed in to it.
 */
export const SIGN_IN_LIMITS = {
  perAccountAndAddress: 5,
  perAddress: 30,
  perAccountUntrusted: 20,
  perDevice: 5,
} as const;

/** Who is trying: the account, the client's address, and its device cookie's id if it has one. */
export type SignInAttempt = { email: string; address: string; device: string | null };

type Limiters = Record<'pair' | 'address' | 'account' | 'device', RateLimiterDrizzle>;

const g = globalThis as { __rollcallSignInLimiters2?: Limiters };

function limiter(keyPrefix: string, points: number, duration: number) {
  return new RateLimiterDrizzle({
    storeClient: db(),
    schema: rateLimits,
    keyPrefix,
    points,
    duration,
    blockDuration: duration,
  });
}

function limiters(): Limiters {
  g.__rollcallSignInLimiters2 ??= {
    pair: limiter('signin-account-address', SIGN_IN_LIMITS.perAccountAndAddress, 15 * MINUTE),
    address: limiter('signin-address', SIGN_IN_LIMITS.perAddress, 15 * MINUTE),
    account: limiter('signin-account-untrusted', SIGN_IN_LIMITS.perAccountUntrusted, 60 * MINUTE),
    device: limiter('signin-device', SIGN_IN_LIMITS.perDevice, 15 * MINUTE),
  };
  return g.__rollcallSignInLimiters2;
}

// Emails and addresses are hashed so the counter table holds no personal data.
const digest = (...parts: string[]) => crypto.createHash('sha256').update(parts.join('\u0000')).digest('base64url');

/** The counters that apply to this attempt, with each one's key and limit. */
function countersFor({ email, address, device }: SignInAttempt) {
  const l = limiters();
  const account = email.trim().toLowerCase();
  const counters: { limiter: RateLimiterDrizzle; key: string; limit: number }[] = [
    { limiter: l.address, key: digest(address), limit: SIGN_IN_LIMITS.perAddress },
  ];
  if (device) {
    counters.push({ limiter: l.device, key: digest(account, device), limit: SIGN_IN_LIMITS.perDevice });
  } else {
    counters.push(
      { limiter: l.pair, key: digest(account, address), limit: SIGN_IN_LIMITS.perAccountAndAddress },
      { limiter: l.account, key: digest(account), limit: SIGN_IN_LIMITS.perAccountUntrusted },
    );
  }
  return counters;
}

/** Milliseconds until this attempt is allowed; 0 when it is allowed now. */
export async function signInRetryAfter(attempt: SignInAttempt): Promise<number> {
  const counters = countersFor(attempt);
  const states = await Promise.all(counters.map((c) => c.limiter.get(c.key)));
  return Math.max(0, ...states.map((s, i) => (s && s.consumedPoints >= counters[i]!.limit ? s.msBeforeNext : 0)));
}

export async function recordSignInFailure(attempt: SignInAttempt): Promise<void> {
  // consume() rejects once the limit is passed; the counter still moved, which is all we need.
  await Promise.allSettled(countersFor(attempt).map((c) => c.limiter.consume(c.key)));
}

/**
 * After a successful sign-in: forget this browser's own failures (from this address, or on its
 * device cookie). The account-wide count of untrusted failures stays: it is someone else's.
 */
export async function clearSignInFailures({ email, address, device }: SignInAttempt): Promise<void> {
  const l = limiters();
  const account = email.trim().toLowerCase();
  await Promise.all([
    l.pair.delete(digest(account, address)),
    device ? l.device.delete(digest(account, device)) : Promise.resolve(),
  ]);
}
