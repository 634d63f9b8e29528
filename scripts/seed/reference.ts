import { eq, isNull, and, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { BUILTIN_EXERCISES } from './reference-exercises';
import { exercises } from '@/db/schema';

/**
 * The built-in exercise library: inserted on every start (PostgreSQL too) and updated in place,
 * so corrections to the wording reach existing installations. Ids stay stable.
 */
export async function seedReference(db: Database): Promise<{ exercises: number }> {
  const ids = new Map<string, string>();
  for (const e of BUILTIN_EXERCISES) {
    const values = {
      clinicId: null,
      slug: e.slug,
      name: e.name,
      kind: e.kind,
      equipment: e.equipment,
      summary: e.summary,
      steps: e.steps,
      cues: e.cues,
      safetyNotes: e.safetyNotes,
      illustration: e.illustration,
      timing: e.timing,
      repsUnit: e.repsUnit,
      defaultDose: e.defaultDose,
      holdMin: e.limits.holdSeconds.min,
      holdMax: e.limits.holdSeconds.max,
      repsMin: e.limits.reps.min,
      repsMax: e.limits.reps.max,
      setsMin: e.limits.sets.min,
      setsMax: e.limits.sets.max,
      sessionsMin: e.limits.sessionsPerDay.min,
      sessionsMax: e.limits.sessionsPerDay.max,
      contraindications: e.contraindications,
    };
    const { clinicId: _clinic, slug: _slug, ...updatable } = values;
    const [row] = await db
      .insert(exercises)
      .values(values)
      .onConflictDoUpdate({
        target: exercises.slug,
        targetWhere: sql`${exercises.clinicId} is null`,
        set: { ...updatable, updatedAt: new Date() },
      })
      .returning({ id: exercises.id });
    if (row) ids.set(e.slug, row.id);
  }
  for (const e of BUILTIN_EXERCISES) {
    await db
      .update(exercises)
      .set({
        easierId: e.easier ? (ids.get(e.easier) ?? null) : null,
        harderId: e.harder ? (ids.get(e.harder) ?? null) : null,
      })
      .where(and(eq(exercises.slug, e.slug), isNull(exercises.clinicId)));
  }
  return { exercises: ids.size };
}

export async function builtinIdsBySlug(db: Database): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: exercises.id, slug: exercises.slug })
    .from(exercises)
    .where(isNull(exercises.clinicId));
  return new Map(rows.map((r) => [r.slug, r.id]));
}
