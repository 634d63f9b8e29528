'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type ActionState, invalid, pick } from '@/lib/actions/action-state';
import { requireAdmin } from '@/lib/auth/guard';
import { createCustomExercise } from '@/lib/exercises/custom';
import { setExerciseHidden } from '@/lib/exercises/library';
import { customExerciseSchema } from '@/lib/validation/exercise';

const hideChange = z.object({ exerciseId: z.uuid(), hidden: z.enum(['true', 'false']).transform((v) => v === 'true') });

export async function setExerciseHiddenAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAdmin();
  const parsed = hideChange.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { status: 'error', message: 'That exercise is not in your library.' };
  const { exerciseId, hidden } = parsed.data;
  const outcome = await setExerciseHidden(actor, exerciseId, hidden);
  if (!outcome.ok) return { status: 'error', message: outcome.message };
  revalidatePath('/exercises');
  revalidatePath(`/exercises/${exerciseId}`);
  return {
    status: 'ok',
    message: hidden ? 'Hidden from your clinic. Practitioners can no longer assign it.' : 'Back in your library. Practitioners can assign it again.',
  };
}

/** Single-value fields of the custom exercise form; all of them are safe to echo back. */
const TEXT_FIELDS = [
  'name',
  'summary',
  'kind',
  'equipment',
  'timing',
  'repsUnit',
  'illustration',
  'holdMin',
  'holdMax',
  'repsMin',
  'repsMax',
  'setsMin',
  'setsMax',
  'sessionsMin',
  'sessionsMax',
  'defaultHoldSeconds',
  'defaultReps',
  'defaultSets',
  'defaultSessionsPerDay',
  'easierId',
  'harderId',
] as const;

/** The one-per-line fields can be longer than `pick` keeps, so they are echoed with a higher cap. */
const LINE_FIELDS = ['steps', 'cues', 'safetyNotes'] as const;

function echo(form: FormData, contraindications: string[]): Record<string, string> {
  const values = pick(form, TEXT_FIELDS);
  for (const name of LINE_FIELDS) {
    const v = form.get(name);
    if (typeof v === 'string') values[name] = v.slice(0, 8192);
  }
  values.contraindications = contraindications.join(',');
  return values;
}

export async function createCustomExerciseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAdmin();
  const contraindications = form
    .getAll('contraindications')
    .filter((v): v is string => typeof v === 'string')
    .slice(0, 50);
  const values = echo(form, contraindications);
  const input: Record<string, unknown> = { contraindications };
  for (const name of [...TEXT_FIELDS, ...LINE_FIELDS]) {
    const v = form.get(name);
    if (typeof v === 'string') input[name] = v;
  }
  const parsed = customExerciseSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, values);

  const outcome = await createCustomExercise(actor, parsed.data);
  if (!outcome.ok) {
    if ('fieldErrors' in outcome) return { status: 'invalid', message: outcome.message, fieldErrors: outcome.fieldErrors, values };
    return { status: 'error', message: outcome.message, values };
  }
  revalidatePath('/exercises');
  redirect(`/exercises/${outcome.value.id}`);
}
