import 'server-only';
import { cookies } from 'next/headers';
import { type PatientAccess, type TokenLookup, lookupToken } from './link-access';

/** The patient's cookie carries their link token, so revoking the link ends it on the next request. */
export const PATIENT_COOKIE = 'rc_patient';

export const PATIENT_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: 'lax' as const,
  path: '/p',
  // Long enough to keep a phone signed in between visits; the link itself decides validity.
  maxAge: 60 * 60 * 24 * 180,
};

/** The patient behind this request's cookie, or null. Every patient route starts here. */
export async function currentPatient(): Promise<PatientAccess | null> {
  const token = (await cookies()).get(PATIENT_COOKIE)?.value;
  if (!token) return null;
  const found = await lookupToken(token);
  return found.ok ? found.value : null;
}

/** Same, with the clinic to call when the link no longer works. */
export async function currentPatientOrClinic(): Promise<TokenLookup> {
  const token = (await cookies()).get(PATIENT_COOKIE)?.value;
  // No cookie is refused like any text that is not a token.
  return lookupToken(token ?? '');
}
