// Shared by the server (authoritative) and the patient's phone (to show guidance offline too).
import { SYMPTOMS } from './log-limits';

export const PAIN_RED_FLAG = 7;
export const PAIN_RISE_RED_FLAG = 2;
export const RED_FLAG_HIGH_PAIN = `Pain of ${PAIN_RED_FLAG} or more`;
export const RED_FLAG_PAIN_ROSE = `Pain ${PAIN_RISE_RED_FLAG} or more points higher after the session`;

/** A log's answers as the red flags read them; a pain number left empty (allowed with a symptom) is null. */
export type FlaggedAnswers = {
  painBefore?: number | null;
  painAfter?: number | null;
  symptoms?: readonly string[];
};

/** The clinic's red flags for one logged session, in words; empty when there are none. */
export function redFlagsOf(log: FlaggedAnswers): string[] {
  const symptoms = log.symptoms ?? [];
  const flags: string[] = SYMPTOMS.filter((s) => symptoms.includes(s.code)).map((s) => s.label);
  const before = log.painBefore ?? null;
  const after = log.painAfter ?? null;
  const known = [before, after].filter((n) => n !== null);
  if (known.some((n) => n >= PAIN_RED_FLAG)) flags.push(RED_FLAG_HIGH_PAIN);
  if (before !== null && after !== null && after - before >= PAIN_RISE_RED_FLAG) flags.push(RED_FLAG_PAIN_ROSE);
  return flags;
}
