import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clearSignInFailures, recordSignInFailure, SIGN_IN_LIMITS, signInRetryAfter } from './rate-limit';

const fresh = () => crypto.randomBytes(6).toString('hex');
const anEmail = () => `${fresh()}@test.example.com`;
const anAddress = () => `198.51.100.${crypto.randomInt(1, 254)}-${fresh()}`;

async function fail(times: number, attempt: (i: number) => Parameters<typeof recordSignInFailure>[0]) {
  for (let i = 0; i < times; i++) await recordSignInFailure(attempt(i));
}

describe('sign-in rate limits, kept in the database', () => {
  it(`blocks an account from one address for about 15 minutes after ${SIGN_IN_LIMITS.perAccountAndAddress} failures there, and nowhere else`, async () => {
    const email = anEmail();
    const attacker = anAddress();
    await fail(SIGN_IN_LIMITS.perAccountAndAddress - 1, () => ({ email, address: attacker, device: null }));
    expect(await signInRetryAfter({ email, address: attacker, device: null })).toBe(0);
    await recordSignInFailure({ email, address: attacker, device: null });
    const wait = await signInRetryAfter({ email, address: attacker, device: null });
    expect(wait).toBeGreaterThan(14 * 60_000);
    expect(wait).toBeLessThanOrEqual(15 * 60_000);
    // The owner, elsewhere, is not locked out by someone else's guesses (it was, before).
    expect(await signInRetryAfter({ email, address: anAddress(), device: null })).toBe(0);
  });

  it('blocks an address that fails across many accounts', async () => {
    const address = anAddress();
    await fail(SIGN_IN_LIMITS.perAddress, () => ({ email: anEmail(), address, device: null }));
    expect(await signInRetryAfter({ email: anEmail(), address, device: null })).toBeGreaterThan(0);
    expect(await signInRetryAfter({ email: anEmail(), address: anAddress(), device: null })).toBe(0);
  });

  it('holds back guesses spread over many addresses, but lets the owner’s own browser through', async () => {
    const email = anEmail();
    await fail(SIGN_IN_LIMITS.perAccountUntrusted, () => ({ email, address: anAddress(), device: null }));
    const untrusted = await signInRetryAfter({ email, address: anAddress(), device: null });
    expect(untrusted).toBeGreaterThan(59 * 60_000);
    expect(untrusted).toBeLessThanOrEqual(60 * 60_000);
    // A browser that signed in to this account before (its device cookie) is let through.
    expect(await signInRetryAfter({ email, address: anAddress(), device: fresh() })).toBe(0);
  });

  it(`blocks a device cookie after ${SIGN_IN_LIMITS.perDevice} failures on it, and only that device`, async () => {
    const email = anEmail();
    const device = fresh();
    await fail(SIGN_IN_LIMITS.perDevice, () => ({ email, address: anAddress(), device }));
    expect(await signInRetryAfter({ email, address: anAddress(), device })).toBeGreaterThan(14 * 60_000);
    expect(await signInRetryAfter({ email, address: anAddress(), device: fresh() })).toBe(0);
    // A device's failures do not count against the account for everyone else.
    expect(await signInRetryAfter({ email, address: anAddress(), device: null })).toBe(0);
  });

  it('a successful sign-in forgets that browser’s failures, not the account-wide count', async () => {
    const email = anEmail();
    const address = anAddress();
    await fail(SIGN_IN_LIMITS.perAccountAndAddress, () => ({ email, address, device: null }));
    expect(await signInRetryAfter({ email, address, device: null })).toBeGreaterThan(0);
    await clearSignInFailures({ email, address, device: null });
    expect(await signInRetryAfter({ email, address, device: null })).toBe(0);

    await fail(SIGN_IN_LIMITS.perAccountUntrusted, () => ({ email, address: anAddress(), device: null }));
    await clearSignInFailures({ email, address, device: null });
    expect(await signInRetryAfter({ email, address: anAddress(), device: null })).toBeGreaterThan(0);
  });
});
