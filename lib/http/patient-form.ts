import 'server-only';
import type { z } from 'zod';
import { fail } from '@/lib/actions/result';
import { failureResponse } from '@/lib/http/failure-response';
import { PATIENT_HEADERS } from '@/lib/patient-portal/headers';
import type { PatientAccess } from '@/lib/patient-portal/link-access';
import { currentPatient } from '@/lib/patient-portal/session';

/**
 * A form the patient's phone posts to a route handler: whose link the cookie holds (the
 * SameSite=Lax cookie keeps other sites from posting it), and the form parsed with `schema`.
 * Anything else is the answer to send back, in plain text with the patient pages' headers.
 */
export async function readPatientForm<S extends z.ZodType>(
  request: Request,
  schema: S,
): Promise<{ access: PatientAccess; data: z.output<S> } | Response> {
  const access = await currentPatient();
  if (!access)
    return failureResponse(fail('refused', 'This link is no longer active.'), { as: 'text', headers: PATIENT_HEADERS });
  const parsed = schema.safeParse(Object.fromEntries((await request.formData()).entries()));
  if (!parsed.success)
    return failureResponse(fail('invalid', 'That request could not be read.'), {
      as: 'text',
      headers: PATIENT_HEADERS,
    });
  return { access, data: parsed.data };
}
