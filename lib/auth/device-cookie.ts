import 'server-only';
import crypto from 'node:crypto';
import { authSecret } from './secret';

/**
 * The device cookie (OWASP's defence against lock-out as a weapon): a browser that signed in to
 * an account before carries a signed token for that account, and its failed attempts count
 * against that token alone, not against the account-wide limit an attacker can exhaust from
 * anywhere. One cookie per account (a shared clinic computer keeps one for each practitioner);
 * it proves nothing by itself, the password is still checked.
 */
const PREFIX = 'rc_device_';
const MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

const emailKey = (email: string) =>
  crypto.createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 16);

function signature(email: string, nonce: string): string {
  return crypto
    .createHmac('sha256', authSecret())
    .update(`device-cookie|${email.trim().toLowerCase()}|${nonce}`)
    .digest('base64url');
}

export const deviceCookieName = (email: string) => `${PREFIX}${emailKey(email)}`;

/** A new device cookie for `email` (after a successful sign-in). */
export function issueDeviceCookie(email: string, secure: boolean) {
  const nonce = crypto.randomBytes(16).toString('base64url');
  return {
    name: deviceCookieName(email),
    value: `${nonce}.${signature(email, nonce)}`,
    options: { httpOnly: true, sameSite: 'lax' as const, secure, path: '/', maxAge: MAX_AGE_SECONDS },
  };
}

/** The device's id when `value` is a genuine device cookie for `email`, else null. */
export function verifiedDevice(email: string, value: string | undefined | null): string | null {
  if (!value) return null;
  const [nonce, mac] = value.split('.');
  if (!nonce || !mac || nonce.length > 64) return null;
  const expected = Buffer.from(signature(email, nonce));
  const given = Buffer.from(mac);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected) ? nonce : null;
}

/** The device cookie for `email` in a Cookie header, verified. */
export function deviceFromCookieHeader(email: string, header: string | null): string | null {
  const name = deviceCookieName(email);
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return verifiedDevice(email, v.join('='));
  }
  return null;
}
