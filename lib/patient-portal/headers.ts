/** Patient pages must not leak through referrers, caches or search engines. */
export const PATIENT_HEADERS = {
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex, nofollow',
} as const;
