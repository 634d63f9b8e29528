// Shared by the server (authoritative) and the patient's phone (to show guidance offline too).

export const SYMPTOMS = [
  { code: 'tingling', label: 'Tingling or numbness in the arms or hands' },
  { code: 'sharp_pain', label: 'Sharp or shooting pain' },
  { code: 'chest', label: 'Chest pain or getting out of breath' },
  { code: 'other', label: 'Something else felt wrong' },
] as const;

export type SymptomCode = (typeof SYMPTOMS)[number]['code'];

const SYMPTOM_LABELS = new Map<string, string>(SYMPTOMS.map((s) => [s.code, s.label]));

/** A reported symptom in words (an unknown code as it is). */
export const symptomLabel = (code: string): string => SYMPTOM_LABELS.get(code) ?? code;

export const PAIN_RED_FLAG = 7;
export const PAIN_RISE_RED_FLAG = 2;
export const RED_FLAG_HIGH_PAIN = `Pain of ${PAIN_RED_FLAG} or more`;
export const RED_FLAG_PAIN_ROSE = `Pain ${PAIN_RISE_RED_FLAG} or more points higher after the session`;

/** The clinic's red flags for one logged session, in words; empty when there are none. */
export function redFlagsOf(log: { painBefore: number; painAfter: number; symptoms: readonly string[] }): string[] {
  const flags: string[] = SYMPTOMS.filter((s) => log.symptoms.includes(s.code)).map((s) => s.label);
  if (Math.max(log.painBefore, log.painAfter) >= PAIN_RED_FLAG) flags.push(RED_FLAG_HIGH_PAIN);
  if (log.painAfter - log.painBefore >= PAIN_RISE_RED_FLAG) flags.push(RED_FLAG_PAIN_ROSE);
  return flags;
}
