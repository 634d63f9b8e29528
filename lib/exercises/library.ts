import 'server-only';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { type Exercise, exercises, hiddenExercises } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/guard';

export type LibraryExercise = Exercise & { builtIn: boolean; hidden: boolean };

const visibleTo = (actor: Actor) => or(isNull(exercises.clinicId), eq(exercises.clinicId, actor.clinicId));

/** The clinic's library: built-ins (flagged if the clinic hid them) and its own exercises. */
export async function clinicLibrary(
  actor: Actor,
  options: { includeHidden?: boolean } = {},
): Promise<LibraryExercise[]> {
  const rows = await db()
    .select({ exercise: exercises, hiddenAt: hiddenExercises.createdAt })
    .from(exercises)
    .leftJoin(
      hiddenExercises,
      and(eq(hiddenExercises.exerciseId, exercises.id), eq(hiddenExercises.clinicId, actor.clinicId)),
    )
    .where(visibleTo(actor))
    .orderBy(sql`${exercises.clinicId} is not null`, asc(exercises.kind), asc(exercises.name));
  return rows
    .map((r) => ({ ...r.exercise, builtIn: r.exercise.clinicId === null, hidden: r.hiddenAt !== null }))
    .filter((e) => options.includeHidden || !e.hidden);
}

/** A library exercise this clinic can see (hidden built-ins included, flagged), or null. */
export async function findExercise(actor: Actor, exerciseId: string): Promise<LibraryExercise | null> {
  const [row] = await db()
    .select({ exercise: exercises, hiddenAt: hiddenExercises.createdAt })
    .from(exercises)
    .leftJoin(
      hiddenExercises,
      and(eq(hiddenExercises.exerciseId, exercises.id), eq(hiddenExercises.clinicId, actor.clinicId)),
    )
    .where(and(eq(exercises.id, exerciseId), visibleTo(actor)))
    .limit(1);
  return row ? { ...row.exercise, builtIn: row.exercise.clinicId === null, hidden: row.hiddenAt !== null } : null;
}

/** The exercises with these ids that the clinic may assign now (visible and not hidden). */
export async function assignableExercises(actor: Actor, ids: string[]): Promise<Map<string, Exercise>> {
  if (ids.length === 0) return new Map();
  const rows = await db()
    .select({ exercise: exercises })
    .from(exercises)
    .leftJoin(
      hiddenExercises,
      and(eq(hiddenExercises.exerciseId, exercises.id), eq(hiddenExercises.clinicId, actor.clinicId)),
    )
    .where(and(inArray(exercises.id, ids), visibleTo(actor), isNull(hiddenExercises.exerciseId)));
  return new Map(rows.map((r) => [r.exercise.id, r.exercise]));
}

export async function exercisesByIds(actor: Actor, ids: string[]): Promise<Map<string, Exercise>> {
  if (ids.length === 0) return new Map();
  const rows = await db()
    .select()
    .from(exercises)
    .where(and(inArray(exercises.id, ids), visibleTo(actor)));
  return new Map(rows.map((e) => [e.id, e]));
}

export async function setExerciseHidden(actor: Actor, exerciseId: string, hidden: boolean): Promise<Result> {
  if (actor.role !== 'admin') return fail('forbidden', 'Only clinic admins can change the library.');
  const exercise = await findExercise(actor, exerciseId);
  if (!exercise) return fail('not_found', 'That exercise is not in your library.');
  if (!exercise.builtIn) return fail('conflict', 'Only built-in exercises can be hidden.');
  await db().transaction(async (tx) => {
    if (hidden) {
      await tx.insert(hiddenExercises).values({ clinicId: actor.clinicId, exerciseId }).onConflictDoNothing();
    } else {
      await tx
        .delete(hiddenExercises)
        .where(and(eq(hiddenExercises.clinicId, actor.clinicId), eq(hiddenExercises.exerciseId, exerciseId)));
    }
    await audit(tx, actor, {
      action: hidden ? 'exercise.hidden' : 'exercise.shown',
      subjectType: 'exercise',
      subjectId: exerciseId,
    });
  });
  return ok();
}
