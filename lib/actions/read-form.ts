/** More than any form of ours sends for one field; the rest is dropped before zod sees it. */
const MAX_LIST = 50;
/** Long enough for the exercise form's one-per-line fields. */
const MAX_ECHO = 8192;
/** Never echoed, whatever an action declares. */
const SECRET = /password|token|secret/i;

/**
 * A submitted form as a plain object for a zod schema: the first value of each field, and every
 * value of the fields named in `lists` (checkbox groups), which are always present, if empty.
 * React's own `$ACTION…` fields are left out.
 */
export function readForm(form: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const fields = new Map<string, unknown>();
  for (const name of lists) {
    fields.set(
      name,
      form
        .getAll(name)
        .filter((v): v is string => typeof v === 'string')
        .slice(0, MAX_LIST),
    );
  }
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string' && !name.startsWith('$') && !fields.has(name)) fields.set(name, value);
  }
  return Object.fromEntries(fields);
}

/** The named fields as they were typed, for a form that failed to keep; lists come back comma-joined. */
export function echoFields(raw: Record<string, unknown>, names: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    if (SECRET.test(name) || !Object.hasOwn(raw, name)) continue;
    const v = raw[name];
    if (typeof v === 'string') values[name] = v.slice(0, MAX_ECHO);
    else if (Array.isArray(v))
      values[name] = v
        .filter((x): x is string => typeof x === 'string')
        .join(',')
        .slice(0, MAX_ECHO);
  }
  return values;
}
