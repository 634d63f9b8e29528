import { z } from 'zod';
import { fail } from '@/lib/actions/result';
import { failureResponse } from '@/lib/http/failure-response';
import { PATIENT_HEADERS } from '@/lib/patient-portal/headers';
import { currentPatient } from '@/lib/patient-portal/session';
import { requestAppointment } from '@/lib/referrals/patient-side';

export const dynamic = 'force-dynamic';

const formSchema = z.object({ referralId: z.uuid({ error: 'Unknown referral.' }) });

/**
 * "I'd like an appointment" from the phone's In-person care section: a plain form post (works
 * without JavaScript; the SameSite=Lax cookie keeps other sites from posting it), then back to
 * the plan. The cookie's link decides whose referral it may be.
 */
export async function POST(request: Request) {
  const access = await currentPatient();
  if (!access)
    return failureResponse(fail('refused', 'This link is no longer active.'), { as: 'text', headers: PATIENT_HEADERS });
  const parsed = formSchema.safeParse(Object.fromEntries((await request.formData()).entries()));
  if (!parsed.success)
    return failureResponse(fail('invalid', 'That request could not be read.'), {
      as: 'text',
      headers: PATIENT_HEADERS,
    });
  const outcome = await requestAppointment(access, parsed.data.referralId);
  if (!outcome.ok) return failureResponse(outcome, { as: 'text', headers: PATIENT_HEADERS });
  return new Response(null, { status: 303, headers: { ...PATIENT_HEADERS, Location: '/p?asked=1#in-person-care' } });
}
