import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { clinics } from '@/db/schema';
import type { Actor } from './auth/guard';

export async function clinicOf(actor: Actor) {
  const [clinic] = await db().select().from(clinics).where(eq(clinics.id, actor.clinicId)).limit(1);
  if (!clinic) throw new Error('Signed-in practitioner has no clinic');
  return clinic;
}
