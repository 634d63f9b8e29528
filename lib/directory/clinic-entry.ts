import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { clinics, providers, users } from '@/db/schema';

/** The tag the clinic's own entry carries, so a filter by it finds the clinic. */
export const CLINIC_ENTRY_TAG = 'this clinic';

/**
 * Creates the clinic's own directory entry from its settings, if it has none: every clinic can
 * refer to itself, and the patient's page always shows it. Safe to call on every read; the
 * unique index on (clinic_id) where is_clinic keeps it to one even when two requests race.
 * Takes the handle (or a transaction) so the seed and lib/ share it.
 */
export async function ensureClinicEntry(db: Pick<Database, 'select' | 'insert'>, clinicId: string): Promise<void> {
  const [existing] = await db
    .select({ id: providers.id })
    .from(providers)
    .where(and(eq(providers.clinicId, clinicId), eq(providers.isClinic, true)))
    .limit(1);
  if (existing) return;
  const [clinic] = await db.select().from(clinics).where(eq(clinics.id, clinicId)).limit(1);
  if (!clinic) return;
  // The clinic's discipline is what most of its practitioners practise; "other" for a mixed team of none.
  const [most] = await db
    .select({ discipline: users.discipline })
    .from(users)
    .where(eq(users.clinicId, clinicId))
    .groupBy(users.discipline)
    .orderBy(desc(sql`count(*)`), users.discipline)
    .limit(1);
  await db
    .insert(providers)
    .values({
      clinicId,
      name: clinic.name,
      discipline: most?.discipline ?? 'other',
      organisation: clinic.name,
      address: clinic.address,
      phone: clinic.phone,
      email: clinic.email,
      acceptingNewPatients: true,
      tags: [CLINIC_ENTRY_TAG],
      isClinic: true,
    })
    .onConflictDoNothing();
}
