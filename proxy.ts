import { type NextFetchEvent, type NextRequest, NextResponse } from 'next/server';
import { nextAuth } from '@/lib/auth/auth';

/**
 * Runs before every page request. It only does what must happen before rendering:
 *  - refreshes the session cookie (that is what makes the 30-minute idle timeout sliding),
 *  - sends signed-out visitors to /login (optimistic: every page, action and route checks again),
 *  - sets a per-request nonce-based Content-Security-Policy, and HSTS over HTTPS.
 */
const PUBLIC_PREFIXES = ['/login', '/p/', '/print/'];

function isPublic(pathname: string) {
  return PUBLIC_PREFIXES.some((p) => pathname === p.replace(/\/$/, '') || pathname.startsWith(p));
}

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
  ].join('; ');
}

const withSession = nextAuth((request) => {
  const { pathname, search } = request.nextUrl;
  const signedIn = Boolean(request.auth?.user?.id);
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';

  let response: NextResponse;
  if (!signedIn && !isPublic(pathname)) {
    const login = new URL('/login', request.nextUrl);
    if (pathname !== '/') login.searchParams.set('callbackUrl', `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else if (signedIn && pathname === '/login') {
    response = NextResponse.redirect(new URL('/dashboard', request.nextUrl));
  } else {
    const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
    const csp = contentSecurityPolicy(nonce);
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('Content-Security-Policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set('Content-Security-Policy', csp);
  }
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
});

// The auth config is built lazily (its secret may be generated at first start), so the wrapped
// handler arrives as a promise.
export async function proxy(request: NextRequest, event: NextFetchEvent) {
  const handler = (await withSession) as unknown as (r: NextRequest, e: NextFetchEvent) => Promise<Response>;
  return handler(request, event);
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:svg|png|jpg|ico|webp)$).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
