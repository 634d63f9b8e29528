import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { type Discipline, type Role, clinics, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/guard';
import { hashPassword } from '@/lib/auth/password';

const unique = () => crypto.randomBytes(5).toString('hex');

/** A clinic of its own for each test, so tests never see each other's rows. */
export async function createClinic(overrides: Partial<typeof clinics.$inferInsert> = {}) {
  const id = unique();
  const [clinic] = await db()
    .insert(clinics)
    .values({ name: `Clinic ${id}`, slug: `clinic-${id}`, timezone: 'Europe/London', ...overrides })
    .returning();
  if (!clinic) throw new Error('clinic not created');
  return clinic;
}

export async function createUser(
  clinicId: string,
  options: { role?: Role; discipline?: Discipline; password?: string; name?: string } = {},
) {
  const password = options.password ?? `password-${unique()}`;
  const [user] = await db()
    .insert(users)
    .values({
      clinicId,
      name: options.name ?? `Practitioner ${unique()}`,
      email: `p-${unique()}@test.example.com`,
      role: options.role ?? 'practitioner',
      discipline: options.discipline ?? 'physical_therapist',
      passwordHash: await hashPassword(password),
    })
    .returning();
  if (!user) throw new Error('user not created');
  return { user, password };
}

export function actorFor(user: typeof users.$inferSelect): Actor {
  return {
    userId: user.id,
    clinicId: user.clinicId,
    role: user.role,
    name: user.name,
    email: user.email,
    mustChangePassword: user.mustChangePassword,
  };
}

/** A clinic with an admin and a practitioner. */
export async function createClinicWithTeam() {
  const clinic = await createClinic();
  const admin = await createUser(clinic.id, { role: 'admin' });
  const practitioner = await createUser(clinic.id);
  return {
    clinic,
    admin: actorFor(admin.user),
    practitioner: actorFor(practitioner.user),
    adminPassword: admin.password,
  };
}

export async function reloadUser(id: string) {
  const [user] = await db().select().from(users).where(eq(users.id, id));
  if (!user) throw new Error('user vanished');
  return user;
}

/** A patient in the actor's clinic, screened with the given "yes" answers (none by default). */
export async function createScreenedPatient(
  actor: Actor,
  options: { yes?: string[]; timezone?: string; name?: string } = {},
) {
  const { createPatient } = await import('@/lib/patients/patients');
  const { recordScreening } = await import('@/lib/screening/screening');
  const { CONTRAINDICATIONS } = await import('@/lib/screening/contraindications');
  const created = await createPatient(actor, {
    name: options.name ?? `Patient ${unique()}`,
    birthYear: 1980,
    email: null,
    phone: null,
    timezone: options.timezone ?? 'Europe/London',
    primaryPractitionerId: actor.userId,
    notes: null,
  });
  if (!created.ok) throw new Error(created.message);
  const answers = Object.fromEntries(
    CONTRAINDICATIONS.map((c) => [c.code, { present: options.yes?.includes(c.code) ?? false }]),
  );
  await recordScreening(actor, created.value.id, answers);
  return created.value.id;
}
