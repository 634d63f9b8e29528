import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { db } from '@/db/client';
import { clinics } from '@/db/schema';
import type { Actor } from '@/lib/auth/guard';

/** Read once per request, however many layouts and pages ask. */
const clinicById = cache(async (clinicId: string) => {
  const [clinic] = await db().select().from(clinics).where(eq(clinics.id, clinicId)).limit(1);
  if (!clinic) throw new Error('Signed-in practitioner has no clinic');
  return clinic;
});

export async function clinicOf(actor: Actor) {
  return clinicById(actor.clinicId);
}
