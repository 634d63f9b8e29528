import { type NextRequest, NextResponse } from 'next/server';
import { authSecret } from '@/lib/auth/secret';
import { overHttps, renewSession } from '@/lib/auth/session-cookie';
import { PATIENT_HEADERS } from '@/lib/patient-portal/headers';

/**
 * Runs before every page request. It only does what must happen before rendering:
 *  - renews the practitioner's session cookie, at most once a minute (that is what makes the
 *    30-minute idle timeout sliding), clears it once the session has ended, and sends signed-out
 *    visitors to /login (optimistic: every page, action and route checks again),
 *  - sets a per-request nonce-based Content-Security-Policy, and HSTS over HTTPS,
 *  - keeps patient pages (/p) apart: no practitioner session work, no referrer, no caching.
 */
const PUBLIC_PREFIXES = ['/login', '/p/', '/print/'];
const PUBLIC_PAGES = new Set(['/login', '/p']);

const isPublic = (pathname: string) =>
  PUBLIC_PAGES.has(pathname) || PUBLIC_PREFIXES.some((p) => pathname.startsWith(p));
const isPatientPath = (pathname: string) => pathname === '/p' || pathname.startsWith('/p/');

function contentSecurityPolicy(nonce: string) {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes come from React components (charts, toasts); scripts stay locked down.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // The patient's offline worker (public/sw.js); 'strict-dynamic' above would otherwise refuse it.
    "worker-src 'self'",
    "manifest-src 'self'",
  ].join('; ');
}

function withSecurityHeaders(request: NextRequest, response?: NextResponse): NextResponse {
  let res = response;
  if (!res) {
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    const csp = contentSecurityPolicy(nonce);
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', csp);
    res = NextResponse.next({ request: { headers: requestHeaders } });
    res.headers.set('Content-Security-Policy', csp);
  }
  if (overHttps(request.headers, request.nextUrl))
    res.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  if (isPatientPath(request.nextUrl.pathname)) {
    for (const [k, v] of Object.entries(PATIENT_HEADERS)) res.headers.set(k, v);
  }
  return res;
}

/** A path whose percent-encoding is broken (`/p/%E0%A4%A`): Next cannot decode its parameters and would answer 500. */
function isMalformed(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export async function proxy(request: NextRequest) {
  if (isMalformed(request.nextUrl.pathname)) {
    // A patient's mangled link gets the patient's "link not active" page; anything else the not-found page.
    if (isPatientPath(request.nextUrl.pathname))
      return withSecurityHeaders(request, NextResponse.redirect(new URL('/p/inactive', request.nextUrl), 303));
    return withSecurityHeaders(request, NextResponse.rewrite(new URL('/not-found', request.nextUrl)));
  }
  if (isPatientPath(request.nextUrl.pathname)) return withSecurityHeaders(request);
  const { pathname, search } = request.nextUrl;
  const session = await renewSession(
    request.headers.get('cookie') ?? '',
    authSecret(),
    overHttps(request.headers, request.nextUrl),
  );
  let response: NextResponse | undefined;
  if (!session.signedIn && !isPublic(pathname)) {
    const login = new URL('/login', request.nextUrl);
    if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else if (session.signedIn && pathname === '/login') {
    response = NextResponse.redirect(new URL('/dashboard', request.nextUrl));
  }
  const res = withSecurityHeaders(request, response);
  for (const { name, value, ...options } of session.cookies) res.cookies.set(name, value, options);
  return res;
}

// /p/log answers JSON only and sets the patient headers itself: the hottest write skips this; so
// do route handlers under /api (next.config.js gives them a CSP that allows nothing). Prefetches
// are not skipped: a page fetched with `Purpose: prefetch` is still a page, and needs its CSP
// and the signed-in check like any other.
export const config = {
  matcher: [
    {
      source:
        '/((?!api/|p/log$|_next/static|_next/image|favicon.ico|robots.txt|sw.js$|.*\\.(?:svg|png|jpg|ico|webp)$).*)',
    },
  ],
};
