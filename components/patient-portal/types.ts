/**
 * The contract between the patient's pages (/p, rendered on the server) and the client
 * components that run the guided session and send the session log to POST /p/log.
 * Pure data and functions: safe to import on the server and in the browser.
 */

// One definition of symptoms and red flags, shared with the server (lib/red-flags.ts).
import { RED_FLAG_HIGH_PAIN, RED_FLAG_PAIN_ROSE, redFlagsOf, type SymptomCode, SYMPTOMS } from '@/lib/patient-portal/red-flags';

export { RED_FLAG_HIGH_PAIN, RED_FLAG_PAIN_ROSE, redFlagsOf, SYMPTOMS, type SymptomCode };

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

export type LogPayload = {
  /** crypto.randomUUID(), made once per log and reused on every retry. */
  idempotencyKey: string;
  /** ISO 8601 with offset, when the patient finished. */
  performedAt: string;
  /** Exercise ids ticked as done. */
  itemsDone: string[];
  /** Integer 0..10. */
  painBefore: number;
  /** Integer 0..10. */
  painAfter: number;
  symptoms: SymptomCode[];
  /** Up to NOTE_MAX_LENGTH characters. */
  note?: string;
};

export type LogResult =
  | { status: 'recorded' | 'duplicate'; redFlags: string[] } // HTTP 201 or 200
  | { status: 'queued' } // kept on the device, will be sent later
  | { status: 'refused'; message: string; fieldErrors?: Record<string, string[]> }; // HTTP 400/401/409 (a 429 is kept queued and retried)

export const PAIN_MIN = 0;
export const PAIN_MAX = 10;
export const NOTE_MAX_LENGTH = 2000;

export function isSymptomCode(v: unknown): v is SymptomCode {
  return SYMPTOMS.some((s) => s.code === v);
}

/** href for a phone number as a clinic typed it ("020 7946 0000" → "tel:02079460000"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
