'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { type ActionState, invalid } from '@/lib/actions/action-state';
import { requireAdmin } from '@/lib/auth/guard';
import { deleteTemplate, saveTemplate } from '@/lib/plans/templates';
import { templateSchema } from '@/lib/validation/exercise';
import { MAX_PLAN_ITEMS, planFormToObject, planItemSchema } from '@/lib/validation/plan';

const templateForm = templateSchema.extend({
  templateId: z
    .string()
    .optional()
    .transform((v) => v || null)
    .pipe(z.uuid({ error: 'Unknown template.' }).nullable()),
  items: z.array(planItemSchema).min(1, 'Add at least one exercise.').max(MAX_PLAN_ITEMS, `A template holds at most ${MAX_PLAN_ITEMS} exercises.`),
});

export async function saveTemplateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAdmin();
  const parsed = templateForm.safeParse(planFormToObject(form));
  if (!parsed.success) return invalid(parsed.error, { name: String(form.get('name') ?? ''), description: String(form.get('description') ?? '') });
  const { templateId, ...input } = parsed.data;
  const outcome = await saveTemplate(actor, templateId, input);
  if (!outcome.ok) return { status: outcome.code === 'not_found' ? 'error' : 'invalid', message: outcome.message, fieldErrors: 'fieldErrors' in outcome ? outcome.fieldErrors : undefined };
  revalidatePath('/templates');
  redirect(`/templates/${outcome.value.id}?saved=1`);
}

export async function deleteTemplateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAdmin();
  const id = z.uuid().safeParse(form.get('templateId'));
  if (!id.success) return { status: 'error', message: 'That template is not in your clinic.' };
  const outcome = await deleteTemplate(actor, id.data);
  if (!outcome.ok) return { status: 'error', message: outcome.message };
  revalidatePath('/templates');
  redirect('/templates?deleted=1');
}
