/**
 * The contract between the patient's pages (/p, rendered on the server) and the client
 * components that run the guided session and send the session log to POST /p/log.
 * Pure data and functions: safe to import on the server and in the browser.
 */

// One definition of the log, its symptoms and red flags, shared with the server. The contract
// as a type only: at run time its zod schema (and the drizzle tables behind SYMPTOM_CODES) would
// add about 43 kB gzip to the phone's first load, nearly four times the page's own code.
export type { LogPayload } from '@/lib/patient-portal/log-contract';
export {
  isSymptomCode,
  NO_EXERCISE_DONE,
  NOTE_MAX_LENGTH,
  painMissing,
  PAIN_MAX,
  PAIN_MIN,
  type SymptomCode,
  SYMPTOMS,
} from '@/lib/patient-portal/log-limits';
export { RED_FLAG_HIGH_PAIN, RED_FLAG_PAIN_ROSE, redFlagsOf } from '@/lib/patient-portal/red-flags';

export type PatientExercise = {
  id: string;
  name: string;
  steps: string[];
  cues: string[];
  safetyNotes: string[];
  timing: 'roll' | 'hold';
  repsUnit: 'breaths' | 'reps';
  holdSeconds: number;
  reps: number;
  sets: number;
  /** e.g. "Hold 45 seconds · 5 slow breaths · 1 set · twice a day, weekdays" */
  doseText: string;
};

export type ClinicContact = { name: string; phone: string | null };

/** Where a patient gets help: the emergency number first, then the clinic, its hours and what to do when it is closed. */
export type ClinicHelp = ClinicContact & {
  emergencyNumber: string;
  /** The week's opening hours, a line per run of days ("Monday to Friday: 08:00–18:00"); empty if not given. */
  hours: string[];
  /** "Open now, until 18:00." or "Closed now. Opens Monday at 08:00." as the page was made; null without hours. */
  openNow: string | null;
  /** What to do while the clinic is closed, in the clinic's words or ours. */
  closedAdvice: string;
};

export type LogResult =
  | { status: 'recorded' | 'duplicate'; redFlags: string[] } // HTTP 201 or 200
  // Kept on the device, will be sent later: when back online, or after `retryAt` (Date.now() ms)
  // when the server asked the phone to wait (429 Retry-After).
  | { status: 'queued'; retryAt?: number }
  | { status: 'refused'; message: string; fieldErrors?: Record<string, string[]> }; // HTTP 400/401/409 (a 429 is kept queued and retried after Retry-After)

/** href for a phone number as a clinic typed it ("020 7946 0000" → "tel:02079460000"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
