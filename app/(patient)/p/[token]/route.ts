import { type NextRequest, NextResponse } from 'next/server';
import { fail } from '@/lib/actions/result';
import { clientAddress } from '@/lib/http/client-address';
import { failureResponse } from '@/lib/http/failure-response';
import { PATIENT_HEADERS } from '@/lib/patient-portal/headers';
import {
  keepsHeldLink,
  lookupToken,
  recordRefusedLink,
  recordUnknownToken,
  touchLink,
  unknownTokenRetryAfter,
} from '@/lib/patient-portal/link-access';
import { PATIENT_COOKIE, PATIENT_COOKIE_OPTIONS } from '@/lib/patient-portal/session';

export const dynamic = 'force-dynamic';

/** A relative redirect, so the browser stays on the host (and cookie) it came in on. */
function seeOther(location: string) {
  return new NextResponse(null, { status: 303, headers: { Location: location } });
}

/**
 * Opening a personal link: swap the token in the address for a cookie and redirect to a
 * token-free URL, so the token stays out of history, bookmarks and Referer headers.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const address = clientAddress(request.headers);
  const wait = await unknownTokenRetryAfter(address);
  if (wait > 0) {
    return failureResponse(fail('rate_limited', 'Too many attempts. Please wait a minute and try your link again.'), {
      as: 'text',
      headers: { ...PATIENT_HEADERS, 'Retry-After': String(wait) },
    });
  }
  const found = await lookupToken(token);
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  if (!found.ok) {
    if (!found.clinic) await recordUnknownToken(address);
    await recordRefusedLink(found, 'link');
    const response = seeOther(
      found.clinic ? `/p/inactive?clinic=${encodeURIComponent(found.clinic.slug)}` : '/p/inactive',
    );
    const held = request.cookies.get(PATIENT_COOKIE)?.value;
    if (!keepsHeldLink(found, held ? await lookupToken(held) : null)) {
      response.cookies.delete({ name: PATIENT_COOKIE, path: PATIENT_COOKIE_OPTIONS.path });
    }
    for (const [k, v] of Object.entries(PATIENT_HEADERS)) response.headers.set(k, v);
    return response;
  }
  await touchLink(found.value, 'link');
  const response = seeOther('/p');
  response.cookies.set(PATIENT_COOKIE, token, { ...PATIENT_COOKIE_OPTIONS, secure: https });
  for (const [k, v] of Object.entries(PATIENT_HEADERS)) response.headers.set(k, v);
  return response;
}
