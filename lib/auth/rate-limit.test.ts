import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clearSignInFailures, recordSignInFailure, SIGN_IN_LIMITS, signInRetryAfter } from './rate-limit';

const fresh = () => crypto.randomBytes(6).toString('hex');

describe('sign-in rate limits, kept in the database', () => {
  it(`blocks an account for about 15 minutes after ${SIGN_IN_LIMITS.perAccount} failures`, async () => {
    const email = `${fresh()}@test.example.com`;
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount - 1; i++) {
      await recordSignInFailure(email, `10.0.0.${i}`);
      expect(await signInRetryAfter(email, `10.0.0.${i}`)).toBe(0);
    }
    await recordSignInFailure(email, '10.0.0.99');
    const wait = await signInRetryAfter(email, '10.9.9.9');
    expect(wait).toBeGreaterThan(14 * 60_000);
    expect(wait).toBeLessThanOrEqual(15 * 60_000);
  });

  it('blocks an address that fails across many accounts', async () => {
    const address = `addr-${fresh()}`;
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++)
      await recordSignInFailure(`${fresh()}@test.example.com`, address);
    expect(await signInRetryAfter(`${fresh()}@test.example.com`, address)).toBeGreaterThan(0);
    expect(await signInRetryAfter(`${fresh()}@test.example.com`, `addr-${fresh()}`)).toBe(0);
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const email = `${fresh()}@test.example.com`;
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) await recordSignInFailure(email, `addr-${fresh()}`);
    expect(await signInRetryAfter(email, 'x')).toBeGreaterThan(0);
    await clearSignInFailures(email);
    expect(await signInRetryAfter(email, 'x')).toBe(0);
  });
});
