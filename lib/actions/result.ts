import { z } from 'zod';

/** Why something did not happen. One closed set, shared by every action and route handler. */
export type FailureCode =
  /** The input breaks a rule; the message (and field errors) say what to fix. */
  | 'invalid'
  /** Nothing by that id in the caller's clinic, which is also how another clinic's things look. */
  | 'not_found'
  /** The request is well-formed but the current state refuses it: already done, taken, the last admin. */
  | 'conflict'
  /** Signed in, but the caller's role may not do this. */
  | 'forbidden'
  /** The credential (a session, a patient link) is not accepted. */
  | 'refused'
  /** Too many attempts; the same request may work later. */
  | 'rate_limited';

export type Ok<T> = { ok: true; value: T };

export type Failure = { ok: false; code: FailureCode; message: string; fieldErrors?: Record<string, string[]> };

/** What lib/ answers to every request it can refuse: a value, or a failure the caller shows. */
export type Result<T = void> = Ok<T> | Failure;

export function ok(): Ok<void>;
export function ok<T>(value: T): Ok<T>;
export function ok<T>(value?: T): Ok<T | undefined> {
  return { ok: true, value };
}

export function fail(code: FailureCode, message: string, fieldErrors?: Record<string, string[]>): Failure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** Names the field an issue belongs to from its path, for forms whose field names carry structure. */
export type FieldKey = (path: readonly PropertyKey[]) => string;

/**
 * A zod refusal as a failure: the first form-level message (or `message`), and each field's
 * messages, keyed by the path's first part, or by `fieldKey` (the plan editor's `items.0.holdSeconds`).
 */
export function invalidInput(error: z.ZodError, message?: string, fieldKey?: FieldKey): Failure {
  if (fieldKey) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      if (issue.path.length) (fieldErrors[fieldKey(issue.path)] ??= []).push(issue.message);
    }
    const formError = error.issues.find((issue) => issue.path.length === 0)?.message;
    return fail('invalid', message ?? formError ?? 'Check the highlighted fields.', fieldErrors);
  }
  const flat = z.flattenError(error);
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(flat.fieldErrors as Record<string, string[] | undefined>)) {
    if (messages?.length) fieldErrors[field] = messages;
  }
  return fail('invalid', message ?? flat.formErrors[0] ?? 'Check the highlighted fields.', fieldErrors);
}
