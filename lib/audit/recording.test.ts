import crypto from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents } from '@/db/schema';
import { endAllSessions, updateProfile } from '@/lib/clinic/practitioners';
import { lookupToken, recordRefusedLink, touchLink } from '@/lib/patient-portal/link-access';
import { recordSessionLog } from '@/lib/patient-portal/record-log';
import { createPatientLink, revokePatientLink } from '@/lib/patients/links';
import { updatePatient } from '@/lib/patients/patients';
import { createClinicWithTeam, reloadUser } from '@/testing/factories';
import { fixtureExercise, patientOnPlan } from '@/testing/on-plan';
import { verifyAuditChains } from './chain';
import { recordDenied, recordExport, recordPatientView } from './reads';

const eventsOf = (clinicId: string) =>
  db().select().from(auditEvents).where(eq(auditEvents.clinicId, clinicId)).orderBy(asc(auditEvents.seq));

let authorize: (raw: unknown, request: Request) => Promise<unknown>;
beforeAll(async () => {
  process.env.AUTH_SECRET ??= crypto.randomBytes(32).toString('base64url');
  ({ authorizeCredentials: authorize } = await import('@/lib/auth/auth'));
});

const signInRequest = (address: string) =>
  new Request('http://localhost/api/auth/callback/credentials', { headers: { 'x-forwarded-for': address } });

describe('the audit trail records', () => {
  it('sign-in, a wrong password and sign-out in the account’s clinic, with the address and no email', async () => {
    const team = await createClinicWithTeam();
    const user = await reloadUser(team.admin.userId);
    expect(
      await authorize({ email: user.email, password: 'not-the-password' }, signInRequest('203.0.113.7')),
    ).toBeNull();
    expect(
      await authorize({ email: user.email, password: team.adminPassword }, signInRequest('203.0.113.7')),
    ).toMatchObject({
      id: user.id,
    });
    await endAllSessions(team.admin);
    const rows = await eventsOf(team.clinic.id);
    expect(rows.map((r) => [r.action, r.outcome, r.actorUserId, r.detail])).toEqual([
      ['session.sign_in_refused', 'failed', user.id, { reason: 'wrong_password' }],
      ['session.signed_in', 'ok', user.id, null],
      ['session.signed_out', 'ok', user.id, null],
    ]);
    expect(rows.slice(0, 2).map((r) => r.clientAddress)).toEqual(['203.0.113.7', '203.0.113.7']);
    expect(JSON.stringify(rows)).not.toContain(user.email);
    expect(JSON.stringify(rows)).not.toContain(team.adminPassword);
  });

  it('a failed sign-in for an email no account has in the chain without a clinic, keeping neither email nor password', async () => {
    const email = `nobody-${crypto.randomUUID()}@example.com`;
    const before = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(isNull(auditEvents.clinicId));
    expect(await authorize({ email, password: 'guess-guess-guess' }, signInRequest('198.51.100.4'))).toBeNull();
    const rows = await db()
      .select()
      .from(auditEvents)
      .where(isNull(auditEvents.clinicId))
      .orderBy(asc(auditEvents.seq));
    expect(rows.length).toBe(before[0]!.n + 1);
    expect(rows.at(-1)).toMatchObject({
      action: 'session.sign_in_refused',
      outcome: 'failed',
      actorUserId: null,
      detail: { reason: 'unknown_account' },
      clientAddress: '198.51.100.4',
    });
    expect(JSON.stringify(rows)).not.toContain(email);
    expect((await verifyAuditChains(db())).broken.filter((b) => b.clinicId === null)).toEqual([]);
  });

  it('a patient opening their link, viewing their plan and logging, with the link as the actor', async () => {
    const p = await patientOnPlan(await fixtureExercise(), 'Europe/London', '2026-01-05');
    const link = await createPatientLink(p.practitioner, p.patientId, { label: 'phone', expiresInDays: null });
    if (!link.ok) throw new Error(link.message);
    const found = await lookupToken(link.value.token);
    if (!found.ok) throw new Error('lookup');
    await touchLink(found.value, 'link');
    await touchLink(found.value, 'plan');
    const logged = await recordSessionLog(
      { token: link.value.token },
      {
        idempotencyKey: crypto.randomUUID(),
        performedAt: '2026-01-06T09:00:00Z',
        itemsDone: [await fixtureExercise()],
        painBefore: 3,
        painAfter: 2,
        symptoms: [],
        note: 'secret-note-marker',
      },
      new Date('2026-01-06T10:00:00Z'),
    );
    expect(logged).toMatchObject({ ok: true, value: { status: 'recorded' } });
    const byLink = (await eventsOf(p.clinic.id)).filter((r) => r.actorLinkId === link.value.linkId);
    expect(byLink.map((r) => [r.action, r.patientId, r.actorUserId])).toEqual([
      ['patient_link.opened', p.patientId, null],
      ['patient_link.plan_viewed', p.patientId, null],
      ['session_log.recorded', p.patientId, null],
    ]);
    expect(byLink[2]!.subjectId).toBe(logged.ok ? logged.value.logId : '');
    const all = JSON.stringify(await eventsOf(p.clinic.id));
    expect(all).not.toContain('secret-note-marker');
    expect(all).not.toContain(link.value.token);
  });

  it('a revoked or expired link that is still used, as a refused access by that link; an unknown token names no clinic', async () => {
    const p = await patientOnPlan(await fixtureExercise(), 'Europe/London', '2026-01-05');
    const revoked = await createPatientLink(p.practitioner, p.patientId, { label: 'old', expiresInDays: null });
    const expiring = await createPatientLink(p.practitioner, p.patientId, { label: 'short', expiresInDays: 1 });
    if (!revoked.ok || !expiring.ok) throw new Error('links');
    expect(await revokePatientLink(p.practitioner, revoked.value.linkId)).toMatchObject({ ok: true });
    await recordRefusedLink(await lookupToken(revoked.value.token), 'link');
    await recordRefusedLink(await lookupToken(expiring.value.token, new Date(Date.now() + 2 * 86_400_000)), 'log');
    const before = (await eventsOf(p.clinic.id)).length;
    await recordRefusedLink(await lookupToken('x'.repeat(43)), 'link');
    const rows = (await eventsOf(p.clinic.id)).filter((r) => r.action === 'patient_link.refused');
    expect(rows.map((r) => [r.actorLinkId, r.patientId, r.outcome, r.detail])).toEqual([
      [revoked.value.linkId, p.patientId, 'denied', { reason: 'revoked', opened: 'link' }],
      [expiring.value.linkId, p.patientId, 'denied', { reason: 'expired', opened: 'log' }],
    ]);
    expect((await eventsOf(p.clinic.id)).length).toBe(before);
    expect(JSON.stringify(rows)).not.toContain(revoked.value.token);
  });

  it('views, exports and refusals, each naming the patient only when it is the clinic’s own', async () => {
    const team = await createClinicWithTeam();
    const other = await createClinicWithTeam();
    const { createScreenedPatient } = await import('@/testing/factories');
    const patientId = await createScreenedPatient(team.practitioner);
    const theirs = await createScreenedPatient(other.practitioner);
    await recordPatientView(team.practitioner, patientId, 'record');
    await recordExport(team.practitioner, 'patient_logs', patientId);
    await recordDenied(team.practitioner.clinicId, team.practitioner.userId, 'not_in_clinic', 'patient', theirs);
    const rows = (await eventsOf(team.clinic.id)).filter((r) => r.actorUserId === team.practitioner.userId).slice(-3);
    expect(rows.map((r) => [r.action, r.outcome, r.patientId, r.detail])).toEqual([
      ['patient.viewed', 'ok', patientId, { view: 'record' }],
      ['export.downloaded', 'ok', patientId, { export: 'patient_logs' }],
      ['access.denied', 'denied', null, { reason: 'not_in_clinic' }],
    ]);
    expect(rows[2]!.subjectId).toBe(theirs);
    // Nothing lands in the other clinic's trail.
    expect((await eventsOf(other.clinic.id)).filter((r) => r.actorUserId === team.practitioner.userId)).toEqual([]);
  });

  it('changes with field names only, never what was typed', async () => {
    const team = await createClinicWithTeam();
    const { createScreenedPatient } = await import('@/testing/factories');
    const patientId = await createScreenedPatient(team.practitioner);
    const updated = await updatePatient(team.practitioner, patientId, {
      name: 'Marker Name-Zq',
      birthYear: 1970,
      email: 'marker-zq@example.com',
      phone: null,
      timezone: 'Europe/London',
      primaryPractitionerId: team.practitioner.userId,
      notes: 'marker-notes-zq',
    });
    expect(updated).toEqual({ ok: true });
    await updateProfile(team.practitioner, { name: 'Renamed Marker-Zq', discipline: 'chiropractor' });
    const rows = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, team.clinic.id), eq(auditEvents.actorUserId, team.practitioner.userId)));
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['patient.updated', 'practitioner.profile_updated']),
    );
    expect(JSON.stringify(rows)).not.toMatch(/zq/i);
  });
});
