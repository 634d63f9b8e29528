import { z } from 'zod';
import { failureResponse } from '@/lib/http/failure-response';
import { readPatientForm } from '@/lib/http/patient-form';
import { PATIENT_HEADERS } from '@/lib/patient-portal/headers';
import { requestAppointment } from '@/lib/referrals/patient-side';

export const dynamic = 'force-dynamic';

const formSchema = z.object({ referralId: z.uuid({ error: 'Unknown referral.' }) });

/**
 * "I'd like an appointment" from the phone's In-person care section: a plain form post (works
 * without JavaScript; the SameSite=Lax cookie keeps other sites from posting it), then back to
 * the plan. The cookie's link decides whose referral it may be.
 */
export async function POST(request: Request) {
  const form = await readPatientForm(request, formSchema);
  if (form instanceof Response) return form;
  const { access, data } = form;
  const outcome = await requestAppointment(access, data.referralId);
  if (!outcome.ok) return failureResponse(outcome, { as: 'text', headers: PATIENT_HEADERS });
  return new Response(null, { status: 303, headers: { ...PATIENT_HEADERS, Location: '/p?asked=1#in-person-care' } });
}
