import { z } from 'zod';
import { PAPERS } from '@/db/schema';
import { fail } from '@/lib/actions/result';
import { recordPatientPrint } from '@/lib/handout/patient-print';
import { failureResponse } from '@/lib/http/failure-response';
import { PATIENT_HEADERS } from '@/lib/patient-portal/headers';
import { currentPatient } from '@/lib/patient-portal/session';

export const dynamic = 'force-dynamic';

const formSchema = z.object({
  planVersionId: z.uuid({ error: 'Unknown plan.' }),
  paper: z.enum(PAPERS, { error: 'Choose A4 or US Letter.' }),
});

/**
 * The phone's "Print my plan" says it printed (the SameSite=Lax cookie keeps other sites from
 * posting it); the cookie's link decides whose plan it may be.
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
  const outcome = await recordPatientPrint(access, parsed.data);
  if (!outcome.ok) return failureResponse(outcome, { as: 'text', headers: PATIENT_HEADERS });
  return new Response(null, { status: 204, headers: PATIENT_HEADERS });
}
