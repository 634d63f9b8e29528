import type { Failure } from './result';

/** What every server action hands back to its form. Never carries passwords or tokens. */
export type ActionState = {
  status: 'idle' | 'ok' | 'invalid' | 'error';
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Non-secret fields echoed back so a form that failed keeps what was typed. */
  values?: Record<string, string>;
};

/** A server action as a form receives it from its page (forms never import app/). */
export type FormAction<S extends ActionState = ActionState> = (prev: S, form: FormData) => Promise<S>;

export const idle: ActionState = { status: 'idle' };

/**
 * A failure as its form shows it: one that names fields is shown at those fields ('invalid'),
 * any other is an error message (and a toast).
 */
export function failureState(failure: Failure, values?: Record<string, string>): ActionState {
  const state: ActionState = {
    status: failure.code === 'invalid' || failure.fieldErrors ? 'invalid' : 'error',
    message: failure.message,
  };
  if (failure.fieldErrors) state.fieldErrors = failure.fieldErrors;
  if (values) state.values = values;
  return state;
}
