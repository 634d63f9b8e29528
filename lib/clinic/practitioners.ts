import 'server-only';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { db } from '@/db/client';
import { type Role, users } from '@/db/schema';
import { type Result, fail, ok } from '@/lib/actions/result';
import { audit } from '@/lib/audit';
import type { Actor } from '@/lib/auth/guard';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { addPractitionerSchema, changePasswordSchema, profileSchema } from '@/lib/validation/account';

const forbidden = fail('forbidden', 'Only clinic admins can do that.');
const notFound = fail('not_found', 'That practitioner is not in your clinic.');

export type PractitionerRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  discipline: (typeof users.$inferSelect)['discipline'];
  disabledAt: Date | null;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export async function practitionersOfClinic(actor: Actor): Promise<PractitionerRow[]> {
  return db()
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      discipline: users.discipline,
      disabledAt: users.disabledAt,
      mustChangePassword: users.mustChangePassword,
      lastSignInAt: users.lastSignInAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.clinicId, actor.clinicId))
    .orderBy(asc(users.name));
}

export async function addPractitioner(actor: Actor, input: z.infer<typeof addPractitionerSchema>): Promise<Result> {
  if (actor.role !== 'admin') return forbidden;
  const passwordHash = await hashPassword(input.temporaryPassword);
  return db().transaction(async (tx) => {
    const inserted = await tx
      .insert(users)
      .values({
        clinicId: actor.clinicId,
        name: input.name,
        email: input.email,
        discipline: input.discipline,
        role: input.role,
        passwordHash,
        mustChangePassword: true,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    const created = inserted[0];
    if (!created) {
      return fail('conflict', 'Someone already signs in with that email.', {
        email: ['Someone already signs in with that email.'],
      });
    }
    await audit(tx, actor, {
      action: 'practitioner.added',
      subjectType: 'user',
      subjectId: created.id,
      detail: { role: input.role },
    });
    return ok();
  });
}

/** Admins left in the clinic if `exceptUserId` lost the role or was disabled. */
async function otherActiveAdmins(clinicId: string, exceptUserId: string): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(eq(users.clinicId, clinicId), eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, exceptUserId)),
    );
  return row?.n ?? 0;
}

export async function changeRole(actor: Actor, userId: string, role: Role): Promise<Result> {
  if (actor.role !== 'admin') return forbidden;
  if (role !== 'admin' && (await otherActiveAdmins(actor.clinicId, userId)) === 0) {
    return fail('conflict', 'A clinic needs at least one active admin.');
  }
  return db().transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ role, updatedAt: new Date() })
      .where(and(eq(users.id, userId), eq(users.clinicId, actor.clinicId)))
      .returning({ id: users.id });
    if (!updated[0]) return notFound;
    await audit(tx, actor, {
      action: 'practitioner.role_changed',
      subjectType: 'user',
      subjectId: userId,
      detail: { role },
    });
    return ok();
  });
}

export async function setDisabled(actor: Actor, userId: string, disabled: boolean): Promise<Result> {
  if (actor.role !== 'admin') return forbidden;
  if (disabled && userId === actor.userId) {
    return fail('conflict', 'You cannot disable your own account.');
  }
  if (disabled && (await otherActiveAdmins(actor.clinicId, userId)) === 0) {
    return fail('conflict', 'A clinic needs at least one active admin.');
  }
  return db().transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({
        disabledAt: disabled ? new Date() : null,
        // Ends every session the account has open, on its next request.
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, userId), eq(users.clinicId, actor.clinicId)))
      .returning({ id: users.id });
    if (!updated[0]) return notFound;
    await audit(tx, actor, {
      action: disabled ? 'practitioner.disabled' : 'practitioner.enabled',
      subjectType: 'user',
      subjectId: userId,
    });
    return ok();
  });
}

export async function updateProfile(actor: Actor, input: z.infer<typeof profileSchema>): Promise<Result> {
  await db().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ name: input.name, discipline: input.discipline, updatedAt: new Date() })
      .where(and(eq(users.id, actor.userId), eq(users.clinicId, actor.clinicId)));
    await audit(tx, actor, {
      action: 'practitioner.profile_updated',
      subjectType: 'user',
      subjectId: actor.userId,
      detail: { fields: ['name', 'discipline'] },
    });
  });
  return ok();
}

export async function changeOwnPassword(actor: Actor, input: z.infer<typeof changePasswordSchema>): Promise<Result> {
  const [me] = await db()
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, actor.userId), eq(users.clinicId, actor.clinicId)))
    .limit(1);
  if (!me) return notFound;
  if (!(await verifyPassword(me.passwordHash, input.currentPassword))) {
    return fail('invalid', 'That is not your current password.', {
      currentPassword: ['That is not your current password.'],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db().transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, actor.userId));
    await audit(tx, actor, { action: 'practitioner.password_changed', subjectType: 'user', subjectId: actor.userId });
  });
  return ok();
}

/** Sign-out ends this session and every other copy of it (JWT cookies cannot be recalled). */
export async function endAllSessions(actor: Pick<Actor, 'clinicId' | 'userId'>): Promise<void> {
  await db().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, actor.userId));
    await audit(tx, actor, { action: 'session.signed_out', subjectType: 'user', subjectId: actor.userId });
  });
}
