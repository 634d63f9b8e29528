import 'server-only';
import crypto from 'node:crypto';
import { db } from '@/db/client';
import { exercises } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/guard';
import { slugify } from '@/lib/validation/clinic';
import type { CustomExerciseInput } from '@/lib/validation/exercise';
import { isIllustrationKey } from '@/lib/exercises/illustrations';
import { clinicLibrary } from './library';

export async function createCustomExercise(actor: Actor, input: CustomExerciseInput): Promise<Result<{ id: string }>> {
  if (actor.role !== 'admin') return fail('forbidden', 'Only clinic admins can add exercises.');
  const library = new Set((await clinicLibrary(actor, { includeHidden: true })).map((e) => e.id));
  const fieldErrors: Record<string, string[]> = {};
  if (input.easierId && !library.has(input.easierId)) fieldErrors.easierId = ['Choose an exercise from your library.'];
  if (input.harderId && !library.has(input.harderId)) fieldErrors.harderId = ['Choose an exercise from your library.'];
  if (input.illustration && !isIllustrationKey(input.illustration))
    fieldErrors.illustration = ['Choose one of the drawings, or none.'];
  if (Object.keys(fieldErrors).length) return fail('invalid', 'Check the highlighted fields.', fieldErrors);

  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(exercises)
      .values({
        clinicId: actor.clinicId,
        slug: `${slugify(input.name)}-${crypto.randomBytes(3).toString('hex')}`,
        name: input.name,
        kind: input.kind,
        equipment: input.equipment,
        summary: input.summary,
        steps: input.steps,
        cues: input.cues,
        safetyNotes: input.safetyNotes,
        illustration: input.illustration,
        timing: input.timing,
        repsUnit: input.repsUnit,
        holdMin: input.holdMin,
        holdMax: input.holdMax,
        repsMin: input.repsMin,
        repsMax: input.repsMax,
        setsMin: input.setsMin,
        setsMax: input.setsMax,
        sessionsMin: input.sessionsMin,
        sessionsMax: input.sessionsMax,
        defaultDose: {
          holdSeconds: input.defaultHoldSeconds,
          reps: input.defaultReps,
          sets: input.defaultSets,
          sessionsPerDay: input.defaultSessionsPerDay,
          daysOfWeek: [1, 2, 3, 4, 5],
        },
        contraindications: input.contraindications,
        easierId: input.easierId,
        harderId: input.harderId,
        createdBy: actor.userId,
      })
      .returning({ id: exercises.id });
    if (!row) throw new Error('exercise insert returned nothing');
    await audit(tx, actor, { action: 'exercise.created', subjectType: 'exercise', subjectId: row.id });
    return ok({ id: row.id });
  });
}
