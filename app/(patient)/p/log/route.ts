import { cookies } from 'next/headers';
import { type Failure, fail, invalidInput } from '@/lib/actions/result';
import { failureResponse } from '@/lib/http/failure-response';
import { PATIENT_HEADERS } from '@/lib/patient-portal/headers';
import { PATIENT_COOKIE } from '@/lib/patient-portal/session';
import { sessionLogSchema } from '@/lib/patient-portal/log-contract';
import { recordPhoneLog } from '@/lib/patient-portal/log-rate-limit';
import { cappedText } from '@/lib/http/capped-body';
import { lookupToken, recordRefusedLink } from '@/lib/patient-portal/link-access';

export const dynamic = 'force-dynamic';

/** A real log is under 2 KiB (a 2,000-character note at most); anything past this is refused unread. */
const MAX_BODY = 16 * 1024;

/** The phone's contract for a link that opens nothing: 401 `{ error: 'link_inactive' }`. */
const LINK_INACTIVE = fail('refused', 'link_inactive');

function json(body: unknown, status: number) {
  return Response.json(body, { status, headers: PATIENT_HEADERS });
}

function refuse(failure: Failure) {
  return failureResponse(failure, { headers: PATIENT_HEADERS });
}

/** The patient's phone sends each session here, possibly several times (offline retries). */
export async function POST(request: Request) {
  // The link itself is checked by the write's own statement (lib/patient-portal/record-log.ts): revoked,
  // expired or unknown links store nothing and get the same 401 as a missing cookie.
  const token = (await cookies()).get(PATIENT_COOKIE)?.value;
  if (!token) return refuse(LINK_INACTIVE);
  // JSON only: a cross-site form cannot send it, and the cookie is SameSite=Lax anyway. Media type
  // and size are HTTP's own refusals, outside the result codes.
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    return json({ error: 'Send the log as JSON.' }, 415);
  }
  const text = await cappedText(request, MAX_BODY);
  if (text === null) return json({ error: 'That log is too large.' }, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(fail('invalid', 'That log could not be read.'));
  }
  const parsed = sessionLogSchema.safeParse(body);
  if (!parsed.success) return refuse(invalidInput(parsed.error, 'Some answers need fixing.'));
  const outcome = await recordPhoneLog(token, parsed.data);
  if (!outcome.ok && 'retryAfterSeconds' in outcome) {
    // The phone keeps the log and sends it again after Retry-After (components/patient-portal/offline-queue.ts).
    return failureResponse(outcome, {
      headers: { ...PATIENT_HEADERS, 'Retry-After': String(outcome.retryAfterSeconds) },
    });
  }
  if (!outcome.ok && outcome.code === 'refused') {
    await recordRefusedLink(await lookupToken(token), 'log');
    return refuse(LINK_INACTIVE);
  }
  if (!outcome.ok) return refuse(outcome);
  return json(
    { status: outcome.value.status, redFlags: outcome.value.redFlags },
    outcome.value.status === 'recorded' ? 201 : 200,
  );
}
