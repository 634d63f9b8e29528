'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type ActionState, invalid, pick } from '@/lib/actions/action-state';
import { requireAdmin } from '@/lib/auth/guard';
import { addPractitioner, changeRole, type Outcome, setDisabled } from '@/lib/clinic/practitioners';
import { addPractitionerSchema, role, userIdSchema } from '@/lib/validation/account';

function toState(outcome: Outcome, okMessage: string, values?: Record<string, string>): ActionState {
  if (outcome.ok) return { status: 'ok', message: okMessage };
  if (outcome.field) return { status: 'invalid', message: outcome.message, fieldErrors: { [outcome.field]: [outcome.message] }, values };
  return { status: 'error', message: outcome.message, values };
}

export async function addPractitionerAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAdmin();
  const values = pick(form, ['name', 'email', 'discipline', 'role']);
  const parsed = addPractitionerSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error, values);
  const outcome = await addPractitioner(actor, parsed.data);
  if (outcome.ok) revalidatePath('/settings/team');
  return toState(outcome, `${parsed.data.name} can now sign in with the temporary password.`, values);
}

const roleChange = z.object({ userId: userIdSchema, role });

export async function changeRoleAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAdmin();
  const parsed = roleChange.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const outcome = await changeRole(actor, parsed.data.userId, parsed.data.role);
  if (outcome.ok) revalidatePath('/settings/team');
  return toState(outcome, 'Role updated.');
}

const disableChange = z.object({ userId: userIdSchema, disabled: z.enum(['true', 'false']).transform((v) => v === 'true') });

export async function setDisabledAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAdmin();
  const parsed = disableChange.safeParse(Object.fromEntries(form));
  if (!parsed.success) return invalid(parsed.error);
  const outcome = await setDisabled(actor, parsed.data.userId, parsed.data.disabled);
  if (outcome.ok) revalidatePath('/settings/team');
  return toState(outcome, parsed.data.disabled ? 'Account disabled and signed out.' : 'Account enabled.');
}
