import 'server-only';
import { decode, encode, getToken, type JWT, type JWTDecodeParams } from 'next-auth/jwt';
import { IDLE_TIMEOUT_SECONDS, refreshSessionToken } from './session-token';

/**
 * The practitioner's session cookie, which Auth.js writes at sign-in, named by the request's
 * scheme as Auth.js names it: `__Secure-authjs.session-token` over HTTPS, `authjs.session-token`
 * otherwise. The name is also the salt of the token's encryption key.
 *
 * Pages, actions and route handlers read it here, and proxy.ts renews it here, rather than
 * through Auth.js's `auth()`, which runs its whole session endpoint on every call (a fresh
 * config, a CSRF hash, a Request and a JSON Response, a re-encrypted token): measured at about
 * a tenth of the Node CPU of a dashboard view when the proxy and the page each ran it.
 */
const SESSION_COOKIE = 'authjs.session-token';
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/** A renewed token is re-encrypted at most this often, so the idle timeout slides by the minute. */
export const RENEW_AFTER_SECONDS = 60;

/**
 * Tokens this process has already decrypted and verified, by secret, salt and value. A token
 * string is only ever the one token, so a repeat needs no second decryption (jose's webcrypto
 * path costs ~0.7 ms of CPU a time, and the proxy and the page each read every request's
 * cookie); the expiry is still checked on every use, with the leeway Auth.js's own check allows.
 * Only tokens that verified are kept, at most VERIFIED_TOKENS_KEPT, oldest out first.
 */
const verifiedTokens = new Map<string, JWT>();
const VERIFIED_TOKENS_KEPT = 5_000;
const CLOCK_TOLERANCE_SECONDS = 15;

async function decodeOnce(params: JWTDecodeParams): Promise<JWT | null> {
  const key = `${String(params.secret)}\n${params.salt}\n${params.token ?? ''}`;
  const known = verifiedTokens.get(key);
  if (known) {
    if (typeof known.exp === 'number' && known.exp > Date.now() / 1000 - CLOCK_TOLERANCE_SECONDS) return known;
    verifiedTokens.delete(key);
    return null;
  }
  const token = await decode(params);
  if (token) {
    if (verifiedTokens.size >= VERIFIED_TOKENS_KEPT)
      verifiedTokens.delete(verifiedTokens.keys().next().value as string);
    verifiedTokens.set(key, Object.freeze(token));
  }
  return token;
}

/** Whether the request came over HTTPS, here or at the load balancer in front (X-Forwarded-Proto). */
export function overHttps(headers: Headers, url?: URL): boolean {
  return url?.protocol === 'https:' || headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/**
 * The session token in a Cookie header, decrypted and its expiry checked by Auth.js's own reader
 * (which matches cookie names exactly), or null. Only the cookie counts: no `Authorization`
 * fallback, and over HTTPS only the `__Secure-` cookie.
 */
export async function sessionTokenFromCookies(
  cookieHeader: string,
  secret: string,
  secure: boolean,
): Promise<JWT | null> {
  if (!cookieHeader.includes(SESSION_COOKIE)) return null;
  return getToken({ req: { headers: { cookie: cookieHeader } }, secret, secureCookie: secure, decode: decodeOnce });
}

/** The same check the `jwt` callback makes: the account still active, the session not ended. */
export async function checkedSessionToken(
  cookieHeader: string,
  secret: string,
  secure: boolean,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<JWT | null> {
  const token = await sessionTokenFromCookies(cookieHeader, secret, secure);
  return token ? refreshSessionToken(token, nowSeconds) : null;
}

export type SessionCookie = {
  name: string;
  value: string;
  httpOnly: true;
  sameSite: 'lax';
  path: '/';
  secure: boolean;
  expires: Date;
};

/**
 * What proxy.ts does with the session on every page request: whether the visitor is signed in,
 * and the cookies to send back — the token re-encrypted with a new 30-minute expiry (the sliding
 * idle timeout) once it is a minute old, or the cookie cleared when the session has ended.
 * The attributes are the ones Auth.js gives the cookie at sign-in.
 */
export async function renewSession(
  cookieHeader: string,
  secret: string,
  secure: boolean,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<{ signedIn: boolean; cookies: SessionCookie[] }> {
  if (!cookieHeader.includes(SESSION_COOKIE)) return { signedIn: false, cookies: [] };
  const base = {
    name: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
  } as const;
  const token = await checkedSessionToken(cookieHeader, secret, secure, nowSeconds);
  if (!token) return { signedIn: false, cookies: [{ ...base, value: '', expires: new Date(0) }] };
  if (typeof token.iat === 'number' && nowSeconds - token.iat < RENEW_AFTER_SECONDS)
    return { signedIn: true, cookies: [] };
  // Our claims are a few short strings, far below the 4 KB at which Auth.js would split the cookie
  // into chunks (it never has for these tokens), so the renewed cookie is always one piece.
  const value = await encode({ token, secret, salt: base.name, maxAge: IDLE_TIMEOUT_SECONDS });
  return {
    signedIn: true,
    cookies: [{ ...base, value, expires: new Date((nowSeconds + IDLE_TIMEOUT_SECONDS) * 1000) }],
  };
}
