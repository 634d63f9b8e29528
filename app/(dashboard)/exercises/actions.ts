'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { createCustomExercise } from '@/lib/exercises/custom';
import { setExerciseHidden } from '@/lib/exercises/library';
import { customExerciseSchema } from '@/lib/validation/exercise';

const hideChange = z.object({ exerciseId: z.uuid(), hidden: z.enum(['true', 'false']).transform((v) => v === 'true') });

export const setExerciseHiddenAction = formAction({
  caller: 'admin',
  schema: hideChange,
  notFound: { fields: ['exerciseId', 'hidden'], message: 'That exercise is not in your library.' },
  run: ({ exerciseId, hidden }, actor) => setExerciseHidden(actor, exerciseId, hidden),
  done: (_, { exerciseId, hidden }) => {
    revalidatePath('/exercises');
    revalidatePath(`/exercises/${exerciseId}`);
    return {
      status: 'ok',
      message: hidden
        ? 'Hidden from your clinic. Practitioners can no longer assign it.'
        : 'Back in your library. Practitioners can assign it again.',
    };
  },
});

export const createCustomExerciseAction = formAction({
  caller: 'admin',
  schema: customExerciseSchema,
  lists: ['contraindications'],
  // Every field of this form is safe to give back.
  echo: Object.keys(customExerciseSchema.shape),
  run: (input, actor) => createCustomExercise(actor, input),
  done: ({ id }) => {
    revalidatePath('/exercises');
    redirect(`/exercises/${id}`);
  },
});
