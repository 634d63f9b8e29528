/**
 * The half of the session-log contract (log-contract.ts) that the patient's phone runs: the
 * limits of a log and the symptoms it may name, in words. No runtime imports, so the phone can
 * load it without zod (and without drizzle: the database's list is imported as a type only).
 */
import type { SymptomCode } from '@/db/schema';

export type { SymptomCode };

export const PAIN_MIN = 0;
export const PAIN_MAX = 10;
export const NOTE_MAX_LENGTH = 2000;
/** More exercises than any plan holds. */
export const MAX_ITEMS = 12;
/** Sessions can be logged up to this many days later. */
export const MAX_AGE_DAYS = 7;
/** How far ahead of the server's clock a phone may be. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** What the phone and the server say when a pain number is missing from a log without a symptom. */
export const painMissing = (when: 'before' | 'after') => `Choose a number for your pain ${when} the session.`;
/** What they say when a log names no exercise done and reports no red flag. */
export const NO_EXERCISE_DONE =
  'Tick at least one exercise you did. (If something felt wrong, tick it below: that is always sent.)';

/** A logged session's pain in words: "3 → 5", or "not given" where a red-flag log left it empty. */
export function painChangeText(before: number | null, after: number | null): string {
  if (before === null && after === null) return 'not given';
  return `${before ?? 'not given'} → ${after ?? 'not given'}`;
}

// Keyed by the database's SYMPTOM_CODES, so a code added there without a label (or a label for a
// code it lacks) fails to compile. The order here is the order the phone lists them.
const SYMPTOM_LABELS: Record<SymptomCode, string> = {
  tingling: 'Tingling or numbness in the arms or hands',
  sharp_pain: 'Sharp or shooting pain',
  chest: 'Chest pain or getting out of breath',
  other: 'Something else felt wrong',
};

export function isSymptomCode(v: unknown): v is SymptomCode {
  return typeof v === 'string' && Object.hasOwn(SYMPTOM_LABELS, v);
}

/** The symptoms a patient can report, with their labels. */
export const SYMPTOMS: readonly { code: SymptomCode; label: string }[] = Object.keys(SYMPTOM_LABELS)
  .filter(isSymptomCode)
  .map((code) => ({ code, label: SYMPTOM_LABELS[code] }));

/** A reported symptom in words (an unknown code as it is). */
export const symptomLabel = (code: string): string => (isSymptomCode(code) ? SYMPTOM_LABELS[code] : code);
