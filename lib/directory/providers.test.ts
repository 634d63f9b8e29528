import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/db/client';
import { auditEvents, providers } from '@/db/schema';
import { createClinicWithTeam } from '@/testing/factories';
import { ensureClinicEntry } from './clinic-entry';
import { type ProviderFields, directoryQuerySchema, providerSchema } from './provider-schema';
import {
  addProvider,
  archiveProvider,
  directoryPage,
  directoryVocabulary,
  providerById,
  providersForReferral,
  restoreProvider,
  updateProvider,
} from './providers';

const fields = (patch: Partial<ProviderFields> = {}): ProviderFields => ({
  name: 'Dr Alice Moreno',
  discipline: 'physician',
  organisation: 'Eastside Family Medicine',
  address: '200 SE Oak St, Portland, OR',
  phone: '+1 (503) 555-0101',
  email: 'Referrals@Eastside.example.com',
  website: 'https://eastside.example.com/referrals',
  languages: 'English, Spanish, english',
  tags: ' Osteoporosis, BONE density ,osteoporosis',
  acceptingNewPatients: 'yes',
  openingHours: 'Mon–Fri 8–5',
  internalNotes: 'Fax referrals on Fridays.',
  ...patch,
});

const input = (patch: Partial<ProviderFields> = {}) => providerSchema.parse(fields(patch));
const query = (q: Record<string, string> = {}) => directoryQuerySchema.parse(q);

const errors = (patch: Partial<ProviderFields>) => {
  const parsed = providerSchema.safeParse(fields(patch));
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
};

const auditOf = (id: string) => db().select().from(auditEvents).where(eq(auditEvents.subjectId, id));

describe('provider validation', () => {
  it('normalises lists, email and the yes/no', () => {
    expect(input()).toMatchObject({
      email: 'referrals@eastside.example.com',
      languages: ['English', 'Spanish'],
      tags: ['osteoporosis', 'bone density'],
      acceptingNewPatients: true,
    });
    expect(input({ acceptingNewPatients: 'no', organisation: '  ', tags: '' })).toMatchObject({
      acceptingNewPatients: false,
      organisation: null,
      tags: [],
    });
    expect(input({ discipline: 'Physiotherapist' }).discipline).toBe('physical_therapist');
    expect(input({ discipline: 'GP' }).discipline).toBe('physician');
  });

  it('refuses a website that is not an http(s) address', () => {
    for (const website of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'ftp://example.com',
      'vbscript:msgbox',
      'example.com',
      'https://',
    ])
      expect(errors({ website }), website).toHaveProperty('website');
    expect(errors({ website: 'http://clinic.example.org/path?x=1' })).toEqual({});
  });

  it('refuses malformed email and phone, an unknown discipline and a missing name', () => {
    expect(errors({ email: 'not-an-email' })).toHaveProperty('email');
    expect(errors({ email: 'a@b' })).toHaveProperty('email');
    expect(errors({ phone: 'call us' })).toHaveProperty('phone');
    expect(errors({ phone: '555-CALL-NOW' })).toHaveProperty('phone');
    expect(errors({ phone: '+44 161 555 0190' })).toEqual({});
    expect(errors({ discipline: 'astrologer' }).discipline?.[0]).toMatch(/Unknown discipline “astrologer”/);
    expect(errors({ discipline: '' })).toHaveProperty('discipline');
    expect(errors({ name: '   ' })).toHaveProperty('name');
    expect(errors({ name: 'x'.repeat(201) })).toHaveProperty('name');
    expect(errors({ acceptingNewPatients: 'maybe' })).toHaveProperty('acceptingNewPatients');
  });
});

describe('the directory', () => {
  it('every clinic has its own entry, first in the referral picker, tagged “this clinic”', async () => {
    const { admin, clinic } = await createClinicWithTeam();
    const { rows } = await directoryPage(admin, query());
    expect(rows).toEqual([
      expect.objectContaining({ name: clinic.name, isClinic: true, tags: ['this clinic'], archivedAt: null }),
    ]);
    await ensureClinicEntry(db(), clinic.id); // a second call adds nothing
    await addProvider(admin, input({ name: 'Aaron Able' }));
    const choices = await providersForReferral(admin);
    expect(choices.map((c) => c.name)).toEqual([clinic.name, 'Aaron Able']);
    expect(choices[0]).toEqual({
      id: expect.any(String),
      name: clinic.name,
      discipline: 'physical_therapist', // what the clinic's practitioners practise
      organisation: clinic.name,
      acceptingNewPatients: true,
      isClinic: true,
    });
    expect(await archiveProvider(admin, choices[0]!.id)).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('filters by text, discipline, accepting, language and tag, pages and sorts in SQL', async () => {
    const { admin, practitioner, clinic } = await createClinicWithTeam();
    const add = async (patch: Partial<ProviderFields>) => {
      const r = await addProvider(admin, input(patch));
      if (!r.ok) throw new Error(r.message);
      return r.value.id;
    };
    await add({ name: 'Zoë Ñúñez', discipline: 'osteopath', organisation: 'Bridge Osteopathy', tags: 'pregnancy' });
    await add({ name: 'Bea O’Connor', discipline: 'massage_therapist', organisation: '', languages: 'Polish' });
    await add({ name: 'Carl Imaging', discipline: 'other', acceptingNewPatients: 'no', tags: 'imaging, mri' });
    const archived = await add({ name: 'Old Provider', tags: 'imaging' });
    await archiveProvider(admin, archived);

    const names = async (q: Record<string, string>) =>
      (await directoryPage(practitioner, query(q))).rows.map((r) => r.name);
    expect(await names({ q: 'nunez' })).toEqual(['Zoë Ñúñez']);
    expect(await names({ q: 'oconnor' })).toEqual(['Bea O’Connor']);
    expect(await names({ q: 'bridge' })).toEqual(['Zoë Ñúñez']); // organisation
    expect(await names({ q: 'MRI' })).toEqual(['Carl Imaging']); // tags
    expect(await names({ q: '100%' })).toEqual([]);
    expect(await names({ discipline: 'osteopath' })).toEqual(['Zoë Ñúñez']);
    expect(await names({ accepting: 'no' })).toEqual(['Carl Imaging']);
    expect(await names({ language: 'polish' })).toEqual(['Bea O’Connor']);
    expect(await names({ tag: 'Imaging' })).toEqual(['Carl Imaging']);
    expect(await names({ tag: 'imaging', archived: '1' })).toEqual(['Carl Imaging', 'Old Provider']);
    expect(await names({})).toEqual(['Bea O’Connor', 'Carl Imaging', clinic.name, 'Zoë Ñúñez']);
    expect(await names({ sort: 'name', dir: 'desc', size: '10' })).toEqual([
      'Zoë Ñúñez',
      clinic.name,
      'Carl Imaging',
      'Bea O’Connor',
    ]);
    // Organisation: entries without one last, whichever way.
    expect((await names({ sort: 'organisation', dir: 'desc' })).at(-1)).toBe('Bea O’Connor');
    const page2 = await directoryPage(practitioner, query({ size: '10', page: '1', discipline: '' }));
    expect(page2.total).toBe(4);
    const paged = await directoryPage(practitioner, { ...query(), size: 2, page: 2 });
    expect(paged).toMatchObject({ total: 4 });
    expect(paged.rows.map((r) => r.name)).toEqual([clinic.name, 'Zoë Ñúñez']);
    expect(await directoryVocabulary(practitioner)).toEqual({
      languages: ['English', 'Polish', 'Spanish'],
      tags: ['bone density', 'imaging', 'mri', 'osteoporosis', 'pregnancy', 'this clinic'],
    });
    // The picker leaves archived entries out; providerById still reads them.
    expect((await providersForReferral(practitioner)).map((c) => c.name)).not.toContain('Old Provider');
    expect(await providerById(practitioner, archived)).toMatchObject({
      name: 'Old Provider',
      archivedAt: expect.any(String),
    });
  });

  it('an admin adds, edits, archives and restores, each with an audit entry in the same transaction', async () => {
    const { admin } = await createClinicWithTeam();
    const added = await addProvider(admin, input());
    if (!added.ok) throw new Error(added.message);
    const id = added.value.id;
    expect(await providerById(admin, id)).toMatchObject({
      name: 'Dr Alice Moreno',
      website: 'https://eastside.example.com/referrals',
      internalNotes: 'Fax referrals on Fridays.',
    });
    expect(await updateProvider(admin, id, input({ phone: '503 555 0199', acceptingNewPatients: 'no' }))).toEqual({
      ok: true,
    });
    expect(await updateProvider(admin, id, input({ phone: '503 555 0199', acceptingNewPatients: 'no' }))).toEqual({
      ok: true,
    }); // no change, no entry
    expect(await archiveProvider(admin, id)).toEqual({ ok: true });
    expect(await archiveProvider(admin, id)).toEqual({ ok: true }); // already archived: nothing recorded
    expect((await providerById(admin, id))?.archivedAt).not.toBeNull();
    expect(await restoreProvider(admin, id)).toEqual({ ok: true });
    expect((await providerById(admin, id))?.archivedAt).toBeNull();
    const events = await auditOf(id);
    expect(events.map((e) => [e.action, e.actorUserId])).toEqual([
      ['provider.added', admin.userId],
      ['provider.updated', admin.userId],
      ['provider.archived', admin.userId],
      ['provider.restored', admin.userId],
    ]);
    expect(events[1]?.detail).toEqual({ changed: ['phone', 'acceptingNewPatients'] });
  });

  it('a practitioner reads the directory but cannot change it', async () => {
    const { admin, practitioner } = await createClinicWithTeam();
    const added = await addProvider(admin, input());
    if (!added.ok) throw new Error(added.message);
    const before = await providerById(admin, added.value.id);
    expect(await addProvider(practitioner, input({ name: 'Sneaky' }))).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await updateProvider(practitioner, added.value.id, input({ name: 'Changed' }))).toMatchObject({
      code: 'forbidden',
    });
    expect(await archiveProvider(practitioner, added.value.id)).toMatchObject({ code: 'forbidden' });
    expect(await restoreProvider(practitioner, added.value.id)).toMatchObject({ code: 'forbidden' });
    expect(await providerById(practitioner, added.value.id)).toEqual(before);
    expect((await directoryPage(practitioner, query({ q: 'sneaky' }))).total).toBe(0);
  });

  it('unauthorized access: another clinic’s provider is not found for every function, and nothing changes', async () => {
    const a = await createClinicWithTeam();
    const b = await createClinicWithTeam();
    const added = await addProvider(a.admin, input({ name: 'Only In A' }));
    if (!added.ok) throw new Error(added.message);
    const id = added.value.id;
    const before = await providerById(a.admin, id);
    expect(await providerById(b.admin, id)).toBeNull();
    expect(await providerById(b.practitioner, id)).toBeNull();
    expect(await updateProvider(b.admin, id, input({ name: 'Hijacked' }))).toMatchObject({ code: 'not_found' });
    expect(await archiveProvider(b.admin, id)).toMatchObject({ code: 'not_found' });
    await archiveProvider(a.admin, id);
    expect(await restoreProvider(b.admin, id)).toMatchObject({ code: 'not_found' });
    await restoreProvider(a.admin, id);
    expect(await providerById(a.admin, id)).toMatchObject({ ...before, updatedAt: expect.any(String) });
    expect((await directoryPage(b.admin, query({ q: 'only in a', archived: '1' }))).total).toBe(0);
    expect((await providersForReferral(b.admin)).map((c) => c.id)).not.toContain(id);
    expect(await directoryVocabulary(b.admin)).toEqual({ languages: [], tags: ['this clinic'] });
    const foreign = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.clinicId, b.clinic.id)));
    expect(foreign).toEqual([]);
    const [row] = await db().select().from(providers).where(eq(providers.id, id));
    expect(row).toMatchObject({ clinicId: a.clinic.id, name: 'Only In A', archivedAt: null });
  });
});
