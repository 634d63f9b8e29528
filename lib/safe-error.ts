/*
 * What an error may tell the log. Its message never: a failed query's reads "Failed query: …
 * params: <the patient's name, email, notes, a token's hash>", a database error's detail quotes
 * the row, and a message may carry raw ANSI escapes. The class, the codes (a SQLSTATE such as
 * 23514), the constraint, table and column names, the digest Next shows the user, and the stack's
 * frames are enough to find the fault.
 */

export type SafeError = {
  type: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  digest?: string;
  /** The stack's `at …` lines only, without the message that heads it. */
  frames?: string[];
  cause?: SafeError;
};

const IDENTIFIER = /^[\w.$-]{1,100}$/;
const MAX_FRAMES = 12;
const MAX_DEPTH = 3;

const identifier = (value: unknown) => (typeof value === 'string' && IDENTIFIER.test(value) ? value : undefined);

/** The class (DrizzleQueryError sets no name of its own), unless that is generic or minified. */
function typeOf(value: object): string {
  const ctor = identifier(value.constructor?.name);
  if (ctor && ctor.length > 2 && ctor !== 'Error' && ctor !== 'Object') return ctor;
  return identifier((value as { name?: unknown }).name) ?? ctor ?? 'Error';
}

function framesOf(stack: unknown): string[] | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_FRAMES)
    .map((line) => line.trim());
  return frames.length ? frames : undefined;
}

/** An error (or anything thrown) as the log may hold it. */
export function safeError(value: unknown, depth = 0): SafeError {
  if (typeof value !== 'object' || value === null) return { type: typeof value };
  const e = value as Record<string, unknown>;
  const safe: SafeError = { type: typeOf(value) };
  const fields = { code: e.code, constraint: e.constraint, table: e.table, column: e.column, digest: e.digest };
  for (const [key, v] of Object.entries(fields)) {
    const kept = typeof v === 'number' ? String(v) : identifier(v);
    if (kept) safe[key as 'code'] = kept;
  }
  const frames = framesOf(e.stack);
  if (frames) safe.frames = frames;
  if (e.cause !== undefined && depth < MAX_DEPTH) safe.cause = safeError(e.cause, depth + 1);
  return safe;
}

/** One line for a console, e.g. `DrizzleQueryError (cause DatabaseError, code 23514, digest 4087…)`. */
export function safeErrorLine(value: unknown): string {
  const safe = safeError(value);
  const parts: string[] = [];
  for (let cause = safe.cause; cause; cause = cause.cause) {
    parts.push(`cause ${cause.type}`);
    if (cause.code) parts.push(`code ${cause.code}`);
  }
  if (safe.code) parts.push(`code ${safe.code}`);
  if (safe.digest) parts.push(`digest ${safe.digest}`);
  return parts.length ? `${safe.type} (${parts.join(', ')})` : safe.type;
}

export function isErrorLike(value: unknown): boolean {
  return (
    value instanceof Error || (typeof value === 'object' && value !== null && 'stack' in value && 'message' in value)
  );
}

/**
 * For a command's own output: an error we wrote says what to do, so its message is shown; a
 * database error's message holds the query's parameters (a password hash, a name), so it is not,
 * unless an error we wrote around it vouches that it holds none (`safeForOperator`).
 */
export function messageForOperator(value: unknown): string {
  if (!isErrorLike(value)) return String(value);
  // It quotes the database's message on purpose (a migration's SQL has no parameters) and no row.
  if ((value as { safeForOperator?: unknown }).safeForOperator === true) return (value as Error).message;
  let fromDatabase = false;
  for (let e: unknown = value, depth = 0; e && depth <= MAX_DEPTH; e = (e as { cause?: unknown }).cause, depth++) {
    const err = e as { name?: unknown; code?: unknown; query?: unknown };
    if (err.name === 'DrizzleQueryError' || typeof err.query === 'string' || /^[0-9A-Z]{5}$/.test(String(err.code)))
      fromDatabase = true;
  }
  return fromDatabase ? safeErrorLine(value) : (value as Error).message;
}
