import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db/client';
import { clinics } from '@/db/schema';
import type { Actor } from '@/lib/auth/guard';
import { type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { ClinicSettingsInput } from '@/lib/validation/clinic';

/** Read once per request, however many layouts and pages ask. */
const clinicById = cache(async (clinicId: string) => {
  const [clinic] = await db().select().from(clinics).where(eq(clinics.id, clinicId)).limit(1);
  if (!clinic) throw new Error('Signed-in practitioner has no clinic');
  return clinic;
});

export async function clinicOf(actor: Actor) {
  return clinicById(actor.clinicId);
}

/**
 * Saves the clinic's settings (admins only: the action's guard). Records which fields changed,
 * in the same transaction, so the audit trail and the change commit together.
 */
export async function updateClinicSettings(actor: Actor, input: ClinicSettingsInput): Promise<Result> {
  if (actor.role !== 'admin') return fail('forbidden', 'Only an admin can change the clinic’s settings.');
  return db().transaction(async (tx) => {
    const [before] = await tx.select().from(clinics).where(eq(clinics.id, actor.clinicId)).for('update');
    if (!before) return fail('not_found', 'That clinic no longer exists.');
    const changed = (Object.keys(input) as (keyof ClinicSettingsInput)[]).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(input[k]),
    );
    if (changed.length === 0) return ok();
    await tx
      .update(clinics)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(clinics.id, actor.clinicId));
    await audit(tx, actor, {
      action: 'clinic.settings_updated',
      subjectType: 'clinic',
      subjectId: actor.clinicId,
      detail: { changed },
    });
    return ok();
  });
}
