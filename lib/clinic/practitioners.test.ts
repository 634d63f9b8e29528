import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, users } from '@/db/schema';
import { actorFor, createClinicWithTeam, createUser, reloadUser } from '@/testing/factories';
import { verifyPassword } from '@/lib/auth/password';
import {
  addPractitioner,
  changeOwnPassword,
  changeRole,
  practitionersOfClinic,
  setDisabled,
  updateProfile,
} from './practitioners';
import { addPractitionerSchema } from '@/lib/validation/account';

const newcomer = (email: string) =>
  addPractitionerSchema.parse({
    name: 'Ada Newcomer',
    email,
    discipline: 'chiropractor',
    role: 'practitioner',
    temporaryPassword: 'temporary-password-1',
  });

describe('clinic admins manage their team', () => {
  it('adds a practitioner who must change the temporary password', async () => {
    const { admin, clinic } = await createClinicWithTeam();
    const email = `ada-${clinic.id.slice(0, 8)}@test.example.com`;
    expect(await addPractitioner(admin, newcomer(email))).toEqual({ ok: true });
    const [created] = await db().select().from(users).where(eq(users.email, email));
    expect(created).toMatchObject({ clinicId: clinic.id, mustChangePassword: true, role: 'practitioner' });
    expect(await verifyPassword(created?.passwordHash, 'temporary-password-1')).toBe(true);
    const events = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, created!.id));
    expect(events.map((e) => e.action)).toEqual(['practitioner.added']);
  });

  it('refuses an email someone already signs in with, and writes nothing', async () => {
    const { admin, practitioner } = await createClinicWithTeam();
    const before = await practitionersOfClinic(admin);
    const outcome = await addPractitioner(admin, newcomer(practitioner.email));
    expect(outcome).toMatchObject({ ok: false, code: 'conflict', fieldErrors: { email: [expect.any(String)] } });
    expect(await practitionersOfClinic(admin)).toHaveLength(before.length);
  });

  it('does not let a practitioner without the admin role add, promote or disable anyone', async () => {
    const { practitioner, admin } = await createClinicWithTeam();
    expect(await addPractitioner(practitioner, newcomer('x@test.example.com'))).toMatchObject({ code: 'forbidden' });
    expect(await changeRole(practitioner, practitioner.userId, 'admin')).toMatchObject({ code: 'forbidden' });
    expect(await setDisabled(practitioner, admin.userId, true)).toMatchObject({ code: 'forbidden' });
    expect((await reloadUser(practitioner.userId)).role).toBe('practitioner');
    expect((await reloadUser(admin.userId)).disabledAt).toBeNull();
  });

  it('disabling an account bumps its session version so its sessions end', async () => {
    const { admin, practitioner } = await createClinicWithTeam();
    const before = await reloadUser(practitioner.userId);
    expect(await setDisabled(admin, practitioner.userId, true)).toEqual({ ok: true });
    const after = await reloadUser(practitioner.userId);
    expect(after.disabledAt).not.toBeNull();
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await setDisabled(admin, practitioner.userId, false)).toEqual({ ok: true });
    expect((await reloadUser(practitioner.userId)).disabledAt).toBeNull();
  });

  it('keeps at least one active admin in a clinic', async () => {
    const { admin } = await createClinicWithTeam();
    expect(await changeRole(admin, admin.userId, 'practitioner')).toMatchObject({ code: 'conflict' });
    expect(await setDisabled(admin, admin.userId, true)).toMatchObject({ code: 'conflict' });
    expect((await reloadUser(admin.userId)).role).toBe('admin');
  });
});

describe('unauthorized access: an admin of one clinic cannot touch another clinic', () => {
  it('cannot change the role of, or disable, a practitioner of another clinic', async () => {
    const a = await createClinicWithTeam();
    const b = await createClinicWithTeam();
    expect(await changeRole(b.admin, a.practitioner.userId, 'admin')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await setDisabled(b.admin, a.practitioner.userId, true)).toMatchObject({ ok: false, code: 'not_found' });
    const untouched = await reloadUser(a.practitioner.userId);
    expect(untouched.role).toBe('practitioner');
    expect(untouched.disabledAt).toBeNull();
  });

  it('lists only its own clinic', async () => {
    const a = await createClinicWithTeam();
    const b = await createClinicWithTeam();
    const listed = await practitionersOfClinic(b.admin);
    expect(listed.map((p) => p.id).sort()).toEqual([b.admin.userId, b.practitioner.userId].sort());
    expect(listed.some((p) => p.id === a.admin.userId)).toBe(false);
  });
});

describe('practitioners manage their own account', () => {
  it('edits their own name and discipline only', async () => {
    const { practitioner, admin } = await createClinicWithTeam();
    await updateProfile(practitioner, { name: 'Renamed Person', discipline: 'massage_therapist' });
    expect(await reloadUser(practitioner.userId)).toMatchObject({
      name: 'Renamed Person',
      discipline: 'massage_therapist',
    });
    expect((await reloadUser(admin.userId)).name).toBe(admin.name);
  });

  it('changes the password only with the current one, and ends other sessions', async () => {
    const { clinic } = await createClinicWithTeam();
    const { user, password } = await createUser(clinic.id);
    const me = actorFor(user);
    const wrong = await changeOwnPassword(me, {
      currentPassword: 'not-my-password',
      newPassword: 'a-brand-new-password',
      confirmPassword: 'a-brand-new-password',
    });
    expect(wrong).toMatchObject({ ok: false, fieldErrors: { currentPassword: [expect.any(String)] } });
    expect((await reloadUser(user.id)).sessionVersion).toBe(user.sessionVersion);

    const right = await changeOwnPassword(me, {
      currentPassword: password,
      newPassword: 'a-brand-new-password',
      confirmPassword: 'a-brand-new-password',
    });
    expect(right).toEqual({ ok: true });
    const after = await reloadUser(user.id);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(after.mustChangePassword).toBe(false);
    expect(await verifyPassword(after.passwordHash, 'a-brand-new-password')).toBe(true);
  });
});
