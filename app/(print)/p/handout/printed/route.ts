import { z } from 'zod';
import { PAPERS } from '@/db/schema';
import { recordPatientPrint } from '@/lib/handout/patient-print';
import { failureResponse } from '@/lib/http/failure-response';
import { readPatientForm } from '@/lib/http/patient-form';
import { PATIENT_HEADERS } from '@/lib/patient-portal/headers';

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
  const form = await readPatientForm(request, formSchema);
  if (form instanceof Response) return form;
  const { access, data } = form;
  const outcome = await recordPatientPrint(access, data);
  if (!outcome.ok) return failureResponse(outcome, { as: 'text', headers: PATIENT_HEADERS });
  return new Response(null, { status: 204, headers: PATIENT_HEADERS });
}
