/**
 * The emergency number a patient is told to call, by the clinic's setting or, when it has none,
 * by where the clinic is (its timezone). Pure, so the settings page can show the default beside
 * the field and the phone page can use it offline.
 */

/** The number most of Europe, and every GSM phone, answers. */
const FALLBACK = '112';

// Checked in order: the first prefix the timezone starts with wins.
const BY_ZONE: readonly [prefix: string, number: string][] = [
  ['Europe/London', '999'],
  ['Europe/Belfast', '999'],
  ['Europe/Guernsey', '999'],
  ['Europe/Jersey', '999'],
  ['Europe/Isle_of_Man', '999'],
  ['Europe/Dublin', '112'],
  ['Europe/', '112'],
  ['Australia/', '000'],
  ['Pacific/Auckland', '111'],
  ['Pacific/Chatham', '111'],
  ['NZ', '111'],
  ['America/', '911'],
  ['US/', '911'],
  ['Canada/', '911'],
  ['Pacific/Honolulu', '911'],
];

/** The default emergency number where `timezone` is: 999 in the UK, 112 elsewhere in Europe, 000 in Australia, 111 in New Zealand, 911 in North America. */
export function defaultEmergencyNumber(timezone: string): string {
  return BY_ZONE.find(([prefix]) => timezone === prefix || timezone.startsWith(prefix))?.[1] ?? FALLBACK;
}

/** The clinic's own number if it set one, else the default for its timezone. */
export function emergencyNumberOf(clinic: { emergencyNumber: string | null; timezone: string }): string {
  return clinic.emergencyNumber ?? defaultEmergencyNumber(clinic.timezone);
}
