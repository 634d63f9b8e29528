import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';

/**
 * Only the Auth.js endpoints the app uses: the CSRF token and the credentials callback (what a
 * script or test signs in with; the sign-in form calls signIn() on the server). The others are
 * not exposed: its sign-out endpoint cleared the cookie but left copies valid (the app's own
 * sign-out, app/(dashboard)/actions.ts, ends the session everywhere), and its sign-in, error and sign-out
 * pages are HTML the app's pages replace.
 */
const ALLOWED = { GET: new Set(['csrf']), POST: new Set(['callback/credentials']) };

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

function endpoint(request: NextRequest): string {
  return request.nextUrl.pathname.replace(/^\/api\/auth\/?/, '').replace(/\/$/, '');
}

export async function GET(request: NextRequest) {
  return ALLOWED.GET.has(endpoint(request)) ? handlers.GET(request) : notFound();
}

export async function POST(request: NextRequest) {
  return ALLOWED.POST.has(endpoint(request)) ? handlers.POST(request) : notFound();
}
