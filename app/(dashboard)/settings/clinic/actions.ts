'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormAction } from '@/lib/actions/action-state';
import { formAction } from '@/lib/actions/form-action';
import { updateClinicSettings } from '@/lib/clinic/clinic';
import { resetProgressionThresholds, updateProgressionThresholds } from '@/lib/clinic/progression-thresholds';
import { clinicSettingsSchema } from '@/lib/validation/clinic';
import { THRESHOLD_KEYS, progressionThresholdsFormSchema } from '@/lib/validation/progression-thresholds';

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

const saveThresholds = formAction({
  caller: 'admin',
  schema: progressionThresholdsFormSchema,
  echo: THRESHOLD_KEYS,
  run: (input, actor) => updateProgressionThresholds(actor, input),
  done: () => {
    // Suggestions on every page follow the new figures.
    revalidatePath('/', 'layout');
    return { status: 'ok', message: 'Progression thresholds saved.' };
  },
});

const resetThresholds = formAction({
  caller: 'admin',
  schema: z.object({}),
  run: (_, actor) => resetProgressionThresholds(actor),
  done: () => {
    revalidatePath('/', 'layout');
    return { status: 'ok', message: 'Progression suggestions use the defaults again.' };
  },
});

/** Saving and resetting share one form state, so the fields show whichever came last. */
export const progressionThresholdsAction: FormAction = async (prev, form) =>
  form.get('intent') === 'reset' ? resetThresholds(prev, form) : saveThresholds(prev, form);
