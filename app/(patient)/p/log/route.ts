import { cookies } from 'next/headers';
import { PATIENT_HEADERS } from '@/lib/patient-portal/headers';
import { PATIENT_COOKIE } from '@/lib/patient-portal/session';
import { sessionLogSchema } from '@/lib/patient-portal/log-contract';
import { recordSessionLog } from '@/lib/patient-portal/record-log';

export const dynamic = 'force-dynamic';

const MAX_BODY = 16 * 1024;

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: PATIENT_HEADERS });
}

/** The patient's phone sends each session here, possibly several times (offline retries). */
export async function POST(request: Request) {
  // The link itself is checked by the write's own statement (lib/patient-portal/record-log.ts): revoked,
  // expired or unknown links store nothing and get the same 401 as a missing cookie.
  const token = (await cookies()).get(PATIENT_COOKIE)?.value;
  if (!token) return json({ error: 'link_inactive' }, 401);
  // JSON only: a cross-site form cannot send it, and the cookie is SameSite=Lax anyway.
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    return json({ error: 'Send the log as JSON.' }, 415);
  }
  const text = await request.text();
  if (text.length > MAX_BODY) return json({ error: 'That log is too large.' }, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json({ error: 'That log could not be read.' }, 400);
  }
  const parsed = sessionLogSchema.safeParse(body);
  if (!parsed.success) {
    const flat = parsed.error.flatten();
    return json({ error: 'Some answers need fixing.', fieldErrors: flat.fieldErrors }, 400);
  }
  const outcome = await recordSessionLog({ token }, parsed.data);
  if (!outcome.ok && outcome.code === 'link_inactive') return json({ error: 'link_inactive' }, 401);
  if (!outcome.ok) {
    return json({ error: outcome.message, fieldErrors: outcome.fieldErrors }, outcome.code === 'conflict' ? 409 : 400);
  }
  return json({ status: outcome.status, redFlags: outcome.redFlags }, outcome.status === 'recorded' ? 201 : 200);
}
