import type { z } from 'zod';

/** What every server action hands back to its form. Never carries passwords or tokens. */
export type ActionState = {
  status: 'idle' | 'ok' | 'invalid' | 'error';
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Non-secret fields echoed back so a form that failed keeps what was typed. */
  values?: Record<string, string>;
};

export const idle: ActionState = { status: 'idle' };

export function invalid(error: z.ZodError, values?: Record<string, string>, message?: string): ActionState {
  const flat = error.flatten();
  return {
    status: 'invalid',
    message: message ?? flat.formErrors[0] ?? 'Check the highlighted fields.',
    fieldErrors: flat.fieldErrors as Record<string, string[] | undefined>,
    values,
  };
}

/** Echo only the named, non-secret fields of a submitted form. */
export function pick(form: FormData, names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const v = form.get(name);
    if (typeof v === 'string') out[name] = v.slice(0, 2048);
  }
  return out;
}
