'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { addPractitioner, changeRole, setDisabled } from '@/lib/clinic/practitioners';
import { addPractitionerSchema, role, userIdSchema } from '@/lib/validation/account';

export const addPractitionerAction = formAction({
  caller: 'admin',
  schema: addPractitionerSchema,
  echo: ['name', 'email', 'discipline', 'role'],
  run: (input, actor) => addPractitioner(actor, input),
  done: (_, { name }) => {
    revalidatePath('/settings/team');
    return { status: 'ok', message: `${name} can now sign in with the temporary password.` };
  },
});

export const changeRoleAction = formAction({
  caller: 'admin',
  schema: z.object({ userId: userIdSchema, role }),
  run: ({ userId, role }, actor) => changeRole(actor, userId, role),
  done: () => {
    revalidatePath('/settings/team');
    return { status: 'ok', message: 'Role updated.' };
  },
});

export const setDisabledAction = formAction({
  caller: 'admin',
  schema: z.object({ userId: userIdSchema, disabled: z.enum(['true', 'false']).transform((v) => v === 'true') }),
  run: ({ userId, disabled }, actor) => setDisabled(actor, userId, disabled),
  done: (_, { disabled }) => {
    revalidatePath('/settings/team');
    return { status: 'ok', message: disabled ? 'Account disabled and signed out.' : 'Account enabled.' };
  },
});
