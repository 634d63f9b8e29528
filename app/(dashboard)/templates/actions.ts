'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { deleteTemplate, saveTemplate } from '@/lib/plans/templates';
import { templateSchema } from '@/lib/validation/exercise';
import { MAX_PLAN_ITEMS, planFieldKey, planFormToObject, planItemSchema } from '@/lib/validation/plan';

const templateForm = templateSchema.extend({
  templateId: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.uuid({ error: 'Unknown template.' }).nullable()),
  items: z
    .array(planItemSchema)
    .min(1, 'Add at least one exercise.')
    .max(MAX_PLAN_ITEMS, `A template holds at most ${MAX_PLAN_ITEMS} exercises.`),
});

export const saveTemplateAction = formAction({
  caller: 'admin',
  schema: templateForm,
  read: planFormToObject,
  fieldKey: planFieldKey,
  echo: ['name', 'description'],
  run: ({ templateId, ...input }, actor) => saveTemplate(actor, templateId, input),
  done: ({ id }) => {
    revalidatePath('/templates');
    redirect(`/templates/${id}?saved=1`);
  },
});

export const deleteTemplateAction = formAction({
  caller: 'admin',
  schema: z.object({ templateId: z.uuid() }),
  notFound: { fields: ['templateId'], message: 'That template is not in your clinic.' },
  run: ({ templateId }, actor) => deleteTemplate(actor, templateId),
  done: () => {
    revalidatePath('/templates');
    redirect('/templates?deleted=1');
  },
});
