'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/form-action';
import { updateProfile } from '@/lib/clinic/practitioners';
import { profileSchema } from '@/lib/validation/account';

export const updateProfileAction = formAction({
  caller: 'practitioner',
  schema: profileSchema,
  echo: ['name', 'discipline'],
  run: (input, actor) => updateProfile(actor, input),
  done: (_, { name, discipline }) => {
    revalidatePath('/', 'layout');
    return { status: 'ok', message: 'Profile saved.', values: { name, discipline } };
  },
});
