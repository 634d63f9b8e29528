/** IANA zones the runtime knows, for pickers; the one given is always included. */
export function timezoneChoices(include: string): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set([include, 'UTC', ...all])].sort((a, b) => (a === include ? -1 : b === include ? 1 : a.localeCompare(b)));
}
