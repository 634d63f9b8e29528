'use server';

import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/form-action';
import { updateClinicSettings } from '@/lib/clinic/clinic';
import { clinicSettingsSchema } from '@/lib/validation/clinic';

const HOURS_FIELDS = [1, 2, 3, 4, 5, 6, 7].flatMap((d) => [`opens${d}`, `closes${d}`]);

export const updateClinicSettingsAction = formAction({
  caller: 'admin',
  schema: clinicSettingsSchema,
  echo: [
    'name',
    'timezone',
    'phone',
    'email',
    'address',
    'emergencyNumber',
    'closedAdvice',
    'handoutFooter',
    ...HOURS_FIELDS,
  ],
  run: (input, actor) => updateClinicSettings(actor, input),
  done: () => {
    revalidatePath('/', 'layout');
    return { status: 'ok', message: 'Clinic settings saved.' };
  },
});
