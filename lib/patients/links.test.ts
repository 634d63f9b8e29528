import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { patientLinks } from '@/db/schema';
import { createClinicWithTeam, createScreenedPatient } from '@/testing/factories';
import {
  UNKNOWN_TOKEN_LIMIT,
  hashToken,
  keepsHeldLink,
  lookupToken,
  recordUnknownToken,
  TOKEN_PATTERN,
  unknownTokenRetryAfter,
} from '@/lib/patient-portal/link-access';
import { createPatientLink, linksOfPatient, revokePatientLink, rotatePatientLinks } from '@/lib/patients/links';
import { setPatientStatus } from './patients';

async function withLink(options: { expiresInDays?: number | null } = {}) {
  const team = await createClinicWithTeam();
  const patientId = await createScreenedPatient(team.practitioner);
  const link = await createPatientLink(team.practitioner, patientId, {
    label: 'Phone',
    expiresInDays: options.expiresInDays ?? null,
  });
  if (!link.ok) throw new Error(link.message);
  return { ...team, patientId, token: link.value.token, linkId: link.value.linkId };
}

describe('patient links', () => {
  it('are 256-bit base64url tokens stored only as their SHA-256', async () => {
    const { token, linkId } = await withLink();
    expect(token).toMatch(TOKEN_PATTERN);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const [row] = await db().select().from(patientLinks).where(eq(patientLinks.id, linkId));
    expect(row?.tokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'));
    // Nowhere in any table, in any column, is the token itself.
    const rowsOf = (result: unknown) => ((result as { rows?: unknown[] }).rows ?? result) as unknown[];
    const names = rowsOf(
      await db().execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    ) as { table_name: string }[];
    expect(names.length).toBeGreaterThan(10);
    for (const { table_name } of names) {
      const rows = rowsOf(await db().execute(sql.raw(`select * from "${table_name}"`)));
      expect(JSON.stringify(rows), table_name).not.toContain(token);
    }
  });

  it('find their patient, and stop working when revoked, expired, or the patient is discharged', async () => {
    const live = await withLink();
    expect(await lookupToken(live.token)).toMatchObject({
      ok: true,
      value: { patientId: live.patientId, clinicId: live.clinic.id },
    });

    await revokePatientLink(live.practitioner, live.linkId);
    expect(await lookupToken(live.token)).toEqual({
      ok: false,
      code: 'refused',
      message: expect.any(String),
      clinic: { slug: live.clinic.slug, name: live.clinic.name, phone: null },
      patientId: live.patientId,
      link: { linkId: live.linkId, clinicId: live.clinic.id, patientId: live.patientId, reason: 'revoked' },
    });

    const expiring = await withLink({ expiresInDays: 30 });
    expect((await lookupToken(expiring.token, new Date(Date.now() + 31 * 86_400_000))).ok).toBe(false);
    expect((await lookupToken(expiring.token, new Date(Date.now() + 29 * 86_400_000))).ok).toBe(true);

    const discharged = await withLink();
    await setPatientStatus(discharged.practitioner, discharged.patientId, 'discharged');
    expect(await lookupToken(discharged.token)).toMatchObject({ ok: false, link: { reason: 'revoked' } });
    expect((await linksOfPatient(discharged.practitioner, discharged.patientId)).every((l) => l.revokedAt)).toBe(true);
  });

  it('answers the same for unknown and malformed tokens, without naming a clinic', async () => {
    expect(await lookupToken(crypto.randomBytes(32).toString('base64url'))).toEqual({
      ok: false,
      code: 'refused',
      message: expect.any(String),
      clinic: null,
      patientId: null,
      link: null,
    });
    expect(await lookupToken('short')).toEqual({
      ok: false,
      code: 'refused',
      message: expect.any(String),
      clinic: null,
      patientId: null,
      link: null,
    });
    expect(await lookupToken(`${'a'.repeat(42)}!`)).toEqual({
      ok: false,
      code: 'refused',
      message: expect.any(String),
      clinic: null,
      patientId: null,
      link: null,
    });
  });

  it('a phone keeps the link it holds after a typo or another patient’s old link, not after its own patient’s revoked one', async () => {
    const held = await withLink();
    const other = await withLink();
    await revokePatientLink(other.practitioner, other.linkId);
    const unknown = await lookupToken(crypto.randomBytes(32).toString('base64url'));
    const heldLookup = await lookupToken(held.token);
    expect(keepsHeldLink(unknown, heldLookup)).toBe(true);
    expect(keepsHeldLink(await lookupToken(other.token), heldLookup)).toBe(true);
    expect(keepsHeldLink(unknown, null)).toBe(false);

    const sameOld = await createPatientLink(held.practitioner, held.patientId, { label: 'old', expiresInDays: null });
    if (!sameOld.ok) throw new Error(sameOld.message);
    await revokePatientLink(held.practitioner, sameOld.value.linkId);
    expect(keepsHeldLink(await lookupToken(sameOld.value.token), heldLookup)).toBe(false);
  });

  it('rotate revokes every earlier link and issues one new one', async () => {
    const { practitioner, patientId, token } = await withLink();
    const second = await createPatientLink(practitioner, patientId, { label: 'Handout', expiresInDays: null });
    const rotated = await rotatePatientLinks(practitioner, patientId, 'Replacement');
    if (!second.ok || !rotated.ok) throw new Error('setup');
    expect((await lookupToken(token)).ok).toBe(false);
    expect((await lookupToken(second.value.token)).ok).toBe(false);
    expect((await lookupToken(rotated.value.token)).ok).toBe(true);
    expect(await linksOfPatient(practitioner, patientId)).toHaveLength(3);
  });

  it(`limits unknown tokens to ${UNKNOWN_TOKEN_LIMIT.points} a minute per address`, async () => {
    const address = `203.0.113.${crypto.randomInt(1, 250)}-${crypto.randomUUID()}`;
    for (let i = 0; i < UNKNOWN_TOKEN_LIMIT.points - 1; i++) await recordUnknownToken(address);
    expect(await unknownTokenRetryAfter(address)).toBe(0);
    await recordUnknownToken(address);
    const wait = await unknownTokenRetryAfter(address);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
  });

  it('unauthorized access: another clinic cannot create, list, revoke or rotate these links', async () => {
    const a = await withLink();
    const b = await createClinicWithTeam();
    expect(await createPatientLink(b.admin, a.patientId, { label: 'x', expiresInDays: null })).toMatchObject({
      ok: false,
      code: 'not_found',
    });
    expect(await linksOfPatient(b.admin, a.patientId)).toEqual([]);
    expect(await revokePatientLink(b.admin, a.linkId)).toMatchObject({ ok: false, code: 'not_found' });
    expect(await rotatePatientLinks(b.admin, a.patientId, 'x')).toMatchObject({ ok: false, code: 'not_found' });
    expect((await lookupToken(a.token)).ok).toBe(true);
    expect(hashToken(a.token)).toHaveLength(64);
  });
});
