import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { clinics } from '@/db/schema';
import type { Actor } from '@/lib/auth/guard';
import { type Result, fail, invalidInput, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import { thresholdsOf } from '@/lib/progression/clinic-thresholds';
import {
  DEFAULT_THRESHOLDS,
  type ProgressionThresholds,
  progressionThresholdsSchema,
} from '@/lib/progression/thresholds';

const KEYS = Object.keys(DEFAULT_THRESHOLDS) as (keyof ProgressionThresholds)[];

/**
 * Sets the clinic's progression thresholds (admins only). Stores only the figures that differ
 * from the defaults, so a later change of a default reaches every clinic that never chose its
 * own. Records each changed figure, before and after, in the same transaction.
 */
export async function updateProgressionThresholds(
  actor: Actor,
  input: ProgressionThresholds,
): Promise<Result<{ changed: (keyof ProgressionThresholds)[] }>> {
  if (actor.role !== 'admin') return fail('forbidden', 'Only an admin can change the progression thresholds.');
  // Checked here too: the rules trust whatever this stores.
  const parsed = progressionThresholdsSchema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error);
  const next = parsed.data;
  return db().transaction(async (tx) => {
    const [before] = await tx
      .select({ stored: clinics.progressionThresholds })
      .from(clinics)
      .where(eq(clinics.id, actor.clinicId))
      .for('update');
    if (!before) return fail('not_found', 'That clinic no longer exists.');
    const was = thresholdsOf(before.stored);
    const changed = KEYS.filter((k) => was[k] !== next[k]);
    if (changed.length === 0) return ok({ changed });
    const overrides = Object.fromEntries(
      KEYS.filter((k) => next[k] !== DEFAULT_THRESHOLDS[k]).map((k) => [k, next[k]]),
    );
    await tx
      .update(clinics)
      .set({ progressionThresholds: overrides, updatedAt: new Date() })
      .where(eq(clinics.id, actor.clinicId));
    await audit(tx, actor, {
      action: 'clinic.progression_thresholds_updated',
      subjectType: 'clinic',
      subjectId: actor.clinicId,
      detail: {
        changed,
        from: Object.fromEntries(changed.map((k) => [k, was[k]])),
        to: Object.fromEntries(changed.map((k) => [k, next[k]])),
      },
    });
    return ok({ changed });
  });
}

/** Back to RollCall's defaults: the clinic's own figures are cleared. */
export function resetProgressionThresholds(actor: Actor) {
  return updateProgressionThresholds(actor, { ...DEFAULT_THRESHOLDS });
}
