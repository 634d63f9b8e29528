import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { exercises, planTemplateItems, planTemplates } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { isUniqueViolation } from '@/lib/db-errors';
import type { Actor } from '@/lib/auth/guard';
import { doseProblems, itemDose, limitsOf } from '@/lib/exercises/dose';
import { assignableExercises } from '@/lib/exercises/library';
import type { PlanItemInput } from '@/lib/validation/plan';

export type TemplateView = {
  id: string;
  name: string;
  description: string | null;
  items: (PlanItemInput & { exerciseName: string })[];
};

export async function clinicTemplates(actor: Actor): Promise<TemplateView[]> {
  const templates = await db()
    .select()
    .from(planTemplates)
    .where(eq(planTemplates.clinicId, actor.clinicId))
    .orderBy(asc(planTemplates.name));
  if (templates.length === 0) return [];
  const items = await db()
    .select({ item: planTemplateItems, exerciseName: exercises.name })
    .from(planTemplateItems)
    .innerJoin(exercises, eq(exercises.id, planTemplateItems.exerciseId))
    .where(
      inArray(
        planTemplateItems.templateId,
        templates.map((t) => t.id),
      ),
    )
    .orderBy(asc(planTemplateItems.position));
  return templates.map((t) => ({
    id: t.id,
    name: t.name,
    description: t.description,
    items: items
      .filter((i) => i.item.templateId === t.id)
      .map(({ item, exerciseName }) => ({
        exerciseId: item.exerciseId,
        exerciseName,
        ...itemDose(item),
      })),
  }));
}

export async function findTemplate(actor: Actor, templateId: string): Promise<TemplateView | null> {
  return (await clinicTemplates(actor)).find((t) => t.id === templateId) ?? null;
}

const templateNotFound = fail('not_found', 'That template is not in your clinic.');

type SaveInput = { name: string; description: string | null; items: PlanItemInput[] };

/** Creates (no id) or replaces a template. Doses must fit each exercise; screening happens at assignment. */
export async function saveTemplate(
  actor: Actor,
  templateId: string | null,
  input: SaveInput,
): Promise<Result<{ id: string }>> {
  if (actor.role !== 'admin') return fail('forbidden', 'Only clinic admins can edit templates.');
  const byId = await assignableExercises(
    actor,
    input.items.map((i) => i.exerciseId),
  );
  const fieldErrors: Record<string, string[]> = {};
  input.items.forEach((item, index) => {
    const exercise = byId.get(item.exerciseId);
    if (!exercise) {
      fieldErrors[`items.${index}.exerciseId`] = ['That exercise is not in your clinic’s library.'];
      return;
    }
    for (const [field, message] of Object.entries(doseProblems(item, limitsOf(exercise), exercise.name))) {
      fieldErrors[`items.${index}.${field}`] = [message];
    }
  });
  if (Object.keys(fieldErrors).length) return fail('invalid', 'Check the highlighted doses.', fieldErrors);

  try {
    return await db().transaction(async (tx) => {
      let id = templateId;
      if (id) {
        const updated = await tx
          .update(planTemplates)
          .set({ name: input.name, description: input.description, updatedAt: new Date() })
          .where(and(eq(planTemplates.id, id), eq(planTemplates.clinicId, actor.clinicId)))
          .returning({ id: planTemplates.id });
        if (!updated[0]) return templateNotFound;
        await tx.delete(planTemplateItems).where(eq(planTemplateItems.templateId, id));
      } else {
        const [created] = await tx
          .insert(planTemplates)
          .values({
            clinicId: actor.clinicId,
            name: input.name,
            description: input.description,
            createdBy: actor.userId,
          })
          .returning({ id: planTemplates.id });
        id = created!.id;
      }
      await tx
        .insert(planTemplateItems)
        .values(
          input.items.map((item, position) => ({ ...item, clinicId: actor.clinicId, templateId: id!, position })),
        );
      await audit(tx, actor, {
        action: templateId ? 'template.updated' : 'template.created',
        subjectType: 'template',
        subjectId: id,
      });
      return ok({ id: id! });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      return fail('conflict', 'Your clinic already has a template with that name.', { name: ['Choose another name.'] });
    }
    throw error;
  }
}

export async function deleteTemplate(actor: Actor, templateId: string): Promise<Result> {
  if (actor.role !== 'admin') return fail('forbidden', 'Only clinic admins can delete templates.');
  return db().transaction(async (tx) => {
    const deleted = await tx
      .delete(planTemplates)
      .where(and(eq(planTemplates.id, templateId), eq(planTemplates.clinicId, actor.clinicId)))
      .returning({ id: planTemplates.id });
    if (!deleted[0]) return templateNotFound;
    await audit(tx, actor, { action: 'template.deleted', subjectType: 'template', subjectId: templateId });
    return ok();
  });
}
