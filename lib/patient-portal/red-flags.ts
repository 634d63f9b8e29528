// Shared by the server (authoritative) and the patient's phone (to show guidance offline too).
import { SYMPTOMS } from './log-limits';

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
