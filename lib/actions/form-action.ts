import 'server-only';
import type { z } from 'zod';
import { recordDenied } from '@/lib/audit/reads';
import { type Actor, requireAdmin, requirePractitioner } from '@/lib/auth/guard';
import { idParam } from '@/lib/validation/params';
import { type ActionState, type FormAction, failureState } from './action-state';
import { echoFields, readForm } from './read-form';
import { type FieldKey, type Failure, type Result, fail, invalidInput } from './result';

/**
 * Who may call: anyone (sign-in), any signed-in practitioner (even one who must still replace a
 * temporary password), a practitioner ready to work, or the clinic's admin.
 */
type Caller = 'public' | 'signed-in' | 'practitioner' | 'admin';

type ActorOf<C extends Caller> = C extends 'public' ? null : Actor;

/** Hidden fields the page filled in: if one is malformed, the thing is not in the caller's clinic. */
type NotFound = { fields: readonly string[]; message: string };

type FormActionOptions<C extends Caller, S extends z.ZodType, V, St extends ActionState> = {
  caller: C;
  schema: S;
  /** Fields sent once per ticked box; read as lists. */
  lists?: readonly string[];
  /** A form whose field names carry structure (the plan editor) brings its own reader. */
  read?: (form: FormData) => Record<string, unknown>;
  /** Fields a failed form gets back as typed. Passwords and tokens never are, even if named. */
  echo?: readonly string[];
  notFound?: NotFound;
  /** Replaces zod's first message when the input is invalid. */
  invalidMessage?: string;
  /** Keys field errors by the whole path, for a form with its own reader (`read`). */
  fieldKey?: FieldKey;
  run: (input: z.output<S>, actor: ActorOf<C>, form: FormData) => Promise<Result<V>>;
  /** What the form shows once it worked; revalidate here, or redirect (Next's redirect() throws through). */
  done: (value: V, input: z.output<S>) => NoInfer<St> | Promise<NoInfer<St>>;
};

async function actorFor<C extends Caller>(caller: C): Promise<ActorOf<C>> {
  if (caller === 'public') return null as ActorOf<C>;
  if (caller === 'admin') return (await requireAdmin()) as ActorOf<C>;
  return (await requirePractitioner({ allowPendingPasswordChange: caller === 'signed-in' })) as ActorOf<C>;
}

function parseFailure(
  error: z.ZodError,
  { notFound, invalidMessage, fieldKey }: { notFound?: NotFound; invalidMessage?: string; fieldKey?: FieldKey },
): Failure {
  if (notFound && error.issues.some((issue) => notFound.fields.includes(String(issue.path[0]))))
    return fail('not_found', notFound.message);
  return invalidInput(error, invalidMessage, fieldKey);
}

/** The first id the form named (`patientId`, `planId`, …), kept in an access-denied row. */
function firstId(raw: Record<string, unknown>): string | null {
  for (const [key, value] of Object.entries(raw)) {
    const id = /Id$/.test(key) && typeof value === 'string' ? idParam(value) : null;
    if (id) return id;
  }
  return null;
}

/**
 * A failure as the form's state. "Not found" for a signed-in caller means an id outside their
 * clinic (or one just removed), "forbidden" a role they lack: the audit trail records the refused
 * access, as pages do.
 */
async function refused(
  actor: Actor | null,
  raw: Record<string, unknown>,
  failure: Failure,
  values?: Record<string, string>,
) {
  if (actor && failure.code === 'not_found')
    await recordDenied(actor.clinicId, actor.userId, 'not_in_clinic', 'record', firstId(raw));
  if (actor && failure.code === 'forbidden')
    await recordDenied(actor.clinicId, actor.userId, 'admin_only', 'admin', null);
  return failureState(failure, values);
}

/**
 * Every server action: checks who is calling (sign-in redirects and 403s come from the guard),
 * reads the form, parses it, runs the lib/ call and turns its Result into the form's state.
 * An expected failure is a state, never an exception. A state with extra fields (`St`) keeps
 * them optional, since a failure carries none of them.
 */
export function formAction<C extends Caller, S extends z.ZodType, V, St extends ActionState = ActionState>(
  options: FormActionOptions<C, S, V, St>,
): FormAction<St> {
  return async (_prev, form) => {
    const actor = await actorFor(options.caller);
    const raw = options.read ? options.read(form) : readForm(form, options.lists);
    const values = options.echo ? echoFields(raw, options.echo) : undefined;
    const parsed = options.schema.safeParse(raw);
    if (!parsed.success) return (await refused(actor, raw, parseFailure(parsed.error, options), values)) as St;
    const result = await options.run(parsed.data, actor, form);
    if (!result.ok) return (await refused(actor, raw, result, values)) as St;
    return options.done(result.value, parsed.data);
  };
}
