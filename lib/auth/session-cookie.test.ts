import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClinicWithTeam, reloadUser } from '@/testing/factories';
import { endAllSessions } from '@/lib/clinic/practitioners';
import { RENEW_AFTER_SECONDS, renewSession, sessionTokenFromCookies } from './session-cookie';
import { IDLE_TIMEOUT_SECONDS } from './session-token';

const secret = 'a-test-secret-of-more-than-thirty-two-characters';
const PLAIN = 'authjs.session-token';
const SECURE = '__Secure-authjs.session-token';

/** A session cookie as Auth.js writes it at sign-in, for a real account. */
async function signedIn(options: { cookie?: string; maxAge?: number } = {}) {
  const team = await createClinicWithTeam();
  const user = await reloadUser(team.practitioner.userId);
  const name = options.cookie ?? PLAIN;
  const claims = {
    uid: user.id,
    cid: user.clinicId,
    role: user.role,
    sv: user.sessionVersion,
    name: user.name,
    email: user.email,
    authTime: Math.floor(Date.now() / 1000),
  };
  const value = await encode({ token: claims, secret, salt: name, maxAge: options.maxAge ?? IDLE_TIMEOUT_SECONDS });
  return { ...team, user, cookieHeader: `theme=dark; ${name}=${value}` };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('reading the session cookie', () => {
  it('decrypts the token Auth.js wrote, under either cookie name', async () => {
    const plain = await signedIn();
    expect(await sessionTokenFromCookies(plain.cookieHeader, secret, false)).toMatchObject({
      uid: plain.user.id,
      cid: plain.clinic.id,
    });
    const secure = await signedIn({ cookie: SECURE });
    expect(await sessionTokenFromCookies(secure.cookieHeader, secret, true)).toMatchObject({ uid: secure.user.id });
  });

  it('refuses a token under another key, another cookie name, or tampered with', async () => {
    const { cookieHeader } = await signedIn();
    expect(await sessionTokenFromCookies(cookieHeader, `${secret}-other`, false)).toBeNull();
    // The cookie name is the key's salt: a token moved to the other name does not decrypt.
    expect(await sessionTokenFromCookies(cookieHeader.replace(PLAIN, SECURE), secret, true)).toBeNull();
    // Over HTTPS only the __Secure- cookie counts, as Auth.js names it there.
    expect(await sessionTokenFromCookies(cookieHeader, secret, true)).toBeNull();
    const value = cookieHeader.split('=').at(-1)!;
    const flipped = `${value.slice(0, -5)}${value.at(-5) === 'A' ? 'B' : 'A'}${value.slice(-4)}`;
    expect(await sessionTokenFromCookies(`${PLAIN}=${flipped}`, secret, false)).toBeNull();
    expect(await sessionTokenFromCookies('theme=dark', secret, false)).toBeNull();
    expect(await sessionTokenFromCookies('', secret, false)).toBeNull();
  });

  it('reads the cookie by its exact name, not by text found elsewhere in the header', async () => {
    const { cookieHeader, user } = await signedIn();
    // The secure cookie's name inside another cookie's value (a crafted callback address).
    const crafted = `authjs.callback-url=%2Fx%3F__Secure-authjs.session-token; ${cookieHeader}`;
    expect(await sessionTokenFromCookies(crafted, secret, false)).toMatchObject({ uid: user.id });
    expect((await renewSession(crafted, secret, false)).signedIn).toBe(true);
  });

  it('refuses an expired token, also one it has read before', async () => {
    const expired = await signedIn({ maxAge: -60 });
    expect(await sessionTokenFromCookies(expired.cookieHeader, secret, false)).toBeNull();

    const { cookieHeader } = await signedIn();
    expect(await sessionTokenFromCookies(cookieHeader, secret, false)).not.toBeNull();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (IDLE_TIMEOUT_SECONDS + 60) * 1000);
    expect(await sessionTokenFromCookies(cookieHeader, secret, false)).toBeNull();
  });
});

describe('renewing the session on each page request (proxy.ts)', () => {
  it('leaves a token younger than a minute alone', async () => {
    const { cookieHeader } = await signedIn();
    expect(await renewSession(cookieHeader, secret, false)).toEqual({ signedIn: true, cookies: [] });
  });

  it('re-issues an older token with a new 30-minute expiry and the same attributes', async () => {
    const { cookieHeader, user } = await signedIn({ cookie: SECURE });
    const later = Math.floor(Date.now() / 1000) + RENEW_AFTER_SECONDS + 1;
    const { signedIn: ok, cookies } = await renewSession(cookieHeader, secret, true, later);
    expect(ok).toBe(true);
    expect(cookies).toHaveLength(1);
    const [cookie] = cookies as [(typeof cookies)[number]];
    expect(cookie).toMatchObject({ name: SECURE, httpOnly: true, sameSite: 'lax', path: '/', secure: true });
    expect(cookie.expires.getTime()).toBe((later + IDLE_TIMEOUT_SECONDS) * 1000);
    const renewed = await sessionTokenFromCookies(`${SECURE}=${cookie.value}`, secret, true);
    expect(renewed).toMatchObject({ uid: user.id, sv: user.sessionVersion });
    expect(renewed?.exp).toBeGreaterThan(Math.floor(Date.now() / 1000) + IDLE_TIMEOUT_SECONDS - 5);
  });

  it('clears the cookie of a session that was ended elsewhere, and of a broken one', async () => {
    const { cookieHeader, user } = await signedIn();
    await endAllSessions({ userId: user.id, clinicId: user.clinicId });
    const ended = await renewSession(cookieHeader, secret, false);
    expect(ended.signedIn).toBe(false);
    expect(ended.cookies).toEqual([expect.objectContaining({ name: PLAIN, value: '', expires: new Date(0) })]);

    const broken = await renewSession(`${PLAIN}=not-a-token`, secret, false);
    expect(broken).toMatchObject({ signedIn: false, cookies: [expect.objectContaining({ name: PLAIN, value: '' })] });
  });

  it('does nothing for a visitor without a session cookie', async () => {
    expect(await renewSession('theme=dark', secret, false)).toEqual({ signedIn: false, cookies: [] });
  });
});
