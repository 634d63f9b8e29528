/** The drawings components/exercises/illustration.tsx can show, by key; a custom exercise picks one. */
export const ILLUSTRATION_KEYS = [
  'upper-back-roll-bridge',
  'upper-back-roll-arms-crossed',
  'thoracic-extension',
  'segmental-mobilization',
  'supported-mobilization',
  'elbows-open-mobilization',
] as const;

export type IllustrationKey = (typeof ILLUSTRATION_KEYS)[number];

export function isIllustrationKey(v: string): v is IllustrationKey {
  return (ILLUSTRATION_KEYS as readonly string[]).includes(v);
}
