/**
 * Zones IANA renamed whose old spelling ICU (and so Intl.supportedValuesOf on Node 20) still
 * lists as canonical: the backward-link renames that ECMA-402 lists for correction, not the
 * country links (Europe/Bratislava and the like), which are current names of their own places.
 * Both spellings work in Intl, date-fns-tz and PostgreSQL; only the current one is offered.
 */
const RENAMED: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'Africa/Asmera': 'Africa/Asmara',
    'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
    'America/Catamarca': 'America/Argentina/Catamarca',
    'America/Coral_Harbour': 'America/Atikokan',
    'America/Cordoba': 'America/Argentina/Cordoba',
    'America/Godthab': 'America/Nuuk',
    'America/Indianapolis': 'America/Indiana/Indianapolis',
    'America/Jujuy': 'America/Argentina/Jujuy',
    'America/Louisville': 'America/Kentucky/Louisville',
    'America/Mendoza': 'America/Argentina/Mendoza',
    'Asia/Calcutta': 'Asia/Kolkata',
    'Asia/Katmandu': 'Asia/Kathmandu',
    'Asia/Rangoon': 'Asia/Yangon',
    'Asia/Saigon': 'Asia/Ho_Chi_Minh',
    'Atlantic/Faeroe': 'Atlantic/Faroe',
    'Europe/Kiev': 'Europe/Kyiv',
    'Pacific/Enderbury': 'Pacific/Kanton',
    'Pacific/Ponape': 'Pacific/Pohnpei',
    'Pacific/Truk': 'Pacific/Chuuk',
  }),
);

/** The current IANA name of a zone, so a patient stored as Asia/Calcutta is shown and saved as Asia/Kolkata. */
export function currentTimezoneName(timezone: string): string {
  return RENAMED.get(timezone) ?? timezone;
}

/** IANA zones the runtime knows, by their current names, for pickers; the one given is always included, first. */
export function timezoneChoices(include: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const first = currentTimezoneName(include);
  return [...new Set([first, 'UTC', ...all.map(currentTimezoneName)])].sort((a, b) =>
    a === first ? -1 : b === first ? 1 : a.localeCompare(b),
  );
}

/**
 * Zones both Node and the database accept: IANA's current names as Intl lists them, their retired
 * spellings above, and UTC. Not Intl's looser check: it takes links IANA removed (US/Pacific-New,
 * gone since tzdata 2020b), which PostgreSQL then refuses in every query that buckets days by it.
 * lib/timezones.test.ts checks each against PGlite and PostgreSQL.
 */
let known: ReadonlySet<string> | null = null;
export function knownTimezones(): ReadonlySet<string> {
  known ??= new Set([
    'UTC',
    ...(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []),
    ...RENAMED.keys(),
  ]);
  return known;
}

export const isKnownTimezone = (timezone: string): boolean => knownTimezones().has(timezone);
