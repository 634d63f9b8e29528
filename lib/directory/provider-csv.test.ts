import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '@/db/client';
import { auditEvents, providers } from '@/db/schema';
import { createClinicWithTeam } from '@/testing/factories';
import { importProviders, previewProviderImport, providersCsv } from './provider-csv';
import { providerSchema } from './provider-schema';
import { addProvider, archiveProvider } from './providers';

const HEADER =
  'name,discipline,organisation,address,phone,email,website,languages,accepting_new_patients,opening_hours,tags,internal_notes';

const csvFile = (text: string, name = 'providers.csv', type = 'text/csv') => new File([text], name, { type });

const countIn = async (clinicId: string) =>
  (await db().select().from(providers).where(eq(providers.clinicId, clinicId))).length;

describe('provider CSV import', () => {
  it('lists every row it would refuse, with its row number and why, and imports nothing', async () => {
    const { admin, clinic } = await createClinicWithTeam();
    const file = csvFile(
      [
        HEADER,
        'Good Physio,physical_therapist,,,,,,,yes,,sports,',
        ',physician,Nameless Practice,,,,,,,,,',
        'Star Reader,astrologer,,,,,,,,,,',
        'Bad Site,osteopath,,,,,javascript:alert(1),,,,,',
        'Bad Contact,chiropractor,,,call me,nobody@,,,maybe,,,',
        '"Quoted, Name",GP,,"1 Main St, Portland",,,,,no,,,',
      ].join('\n'),
    );
    const before = await countIn(clinic.id);
    const preview = await previewProviderImport(admin, file);
    expect(preview).toMatchObject({ ok: true });
    if (!preview.ok) return;
    expect(preview.value.add).toEqual([
      { row: 2, name: 'Good Physio', discipline: 'physical_therapist', organisation: null, duplicate: null },
      { row: 7, name: 'Quoted, Name', discipline: 'physician', organisation: null, duplicate: null },
    ]);
    expect(preview.value.reject).toEqual([
      { row: 3, messages: ['name: Enter the provider’s name.'] },
      { row: 4, messages: [expect.stringMatching(/^discipline: Unknown discipline “astrologer”/)] },
      { row: 5, messages: [expect.stringMatching(/^website: Enter a web address starting with https:\/\//)] },
      {
        row: 6,
        messages: [
          'phone: Use digits, spaces and + ( ) - only.',
          'email: Enter a valid email address, or leave it blank.',
          'accepting_new_patients: Answer yes or no.',
        ],
      },
    ]);
    const imported = await importProviders(admin, file);
    expect(imported).toMatchObject({
      ok: false,
      code: 'invalid',
      message: '4 rows need fixing, so nothing was imported.',
    });
    expect(await countIn(clinic.id)).toBe(before);
    expect(await db().select().from(auditEvents).where(eq(auditEvents.clinicId, clinic.id))).toEqual([]);
  });

  it('imports every row in one transaction, with one audit entry', async () => {
    const { admin, practitioner, clinic } = await createClinicWithTeam();
    const file = csvFile(
      [
        'Name,Discipline,Tags,Languages,Accepting new patients', // headers as people type them
        'Rose City Imaging,other,"imaging, MRI",,yes',
        'Dr Hana Sato,physician,,"English, Japanese",no',
      ].join('\r\n'),
    );
    expect(await importProviders(practitioner, file)).toMatchObject({ code: 'forbidden' });
    expect(await previewProviderImport(practitioner, file)).toMatchObject({ code: 'forbidden' });
    expect(await importProviders(admin, file)).toEqual({ ok: true, value: { imported: 2 } });
    const rows = await db().select().from(providers).where(eq(providers.clinicId, clinic.id));
    expect(rows.map((r) => r.name).sort()).toEqual([clinic.name, 'Dr Hana Sato', 'Rose City Imaging']);
    expect(rows.find((r) => r.name === 'Rose City Imaging')).toMatchObject({ tags: ['imaging', 'mri'] });
    expect(rows.find((r) => r.name === 'Dr Hana Sato')).toMatchObject({
      languages: ['English', 'Japanese'],
      acceptingNewPatients: false,
    });
    const events = await db().select().from(auditEvents).where(eq(auditEvents.clinicId, clinic.id));
    expect(events).toMatchObject([{ action: 'provider.imported', actorUserId: admin.userId, detail: { rows: 2 } }]);
    // A second import of the same file is flagged, not refused: the admin decides.
    const again = await previewProviderImport(admin, file);
    expect(again.ok && again.value.add.map((r) => r.duplicate)).toEqual(['in_directory', 'in_directory']);
  });

  it('refuses a file that is not CSV, is too large or has too many rows', async () => {
    const { admin, clinic } = await createClinicWithTeam();
    const message = async (file: File) => {
      const r = await previewProviderImport(admin, file);
      expect(r.ok).toBe(false);
      return r.ok ? '' : (r.fieldErrors?.file?.[0] ?? '');
    };
    expect(await message(csvFile('\x89PNG\r\n\x1a\n\0\0\0IHDR', 'photo.png', 'image/png'))).toMatch(/not a CSV file/);
    expect(await message(csvFile('name,discipline\n\0\0binary', 'sneaky.csv'))).toMatch(/binary data/);
    expect(await message(csvFile('name,discipline\n"unclosed,physician\n'))).toMatch(/not valid CSV/);
    expect(await message(csvFile('name,discipline\nA,physician,extra,cells\n'))).toMatch(/not valid CSV/);
    expect(await message(csvFile('just some words\nand more'))).toMatch(
      /needs at least the columns name and discipline/,
    );
    expect(await message(csvFile(''))).toMatch(/empty/);
    expect(await message(csvFile('name,discipline\n'))).toMatch(/no providers/);
    expect(await message(csvFile('x'.repeat(5 * 1024 * 1024 + 1)))).toMatch(/over 5 MB/);
    const many = ['name,discipline', ...Array.from({ length: 5001 }, (_, i) => `P${i},other`)].join('\n');
    expect(await message(csvFile(many))).toBe('That file has 5,001 rows; import at most 5,000 at a time.');
    expect(await importProviders(admin, csvFile(many))).toMatchObject({ ok: false, code: 'invalid' });
    expect(await countIn(clinic.id)).toBe(0);
    // Exactly 5,000 is allowed.
    const most = ['name,discipline', ...Array.from({ length: 5000 }, (_, i) => `P${i},other`)].join('\n');
    expect(await importProviders(admin, csvFile(most))).toEqual({ ok: true, value: { imported: 5000 } });
  });

  it('round trip: an export imported again previews the same rows, formula guards and all', async () => {
    const { admin, practitioner } = await createClinicWithTeam();
    const rows = [
      {
        name: '=Danger Formula',
        discipline: 'osteopath',
        organisation: '＝Bridge "Quoted" Osteopathy',
        address: '2 Bridge St\nManchester M1 1AA',
        phone: '+44 161 555 0111',
        email: 'desk@bridge.example.co.uk',
        website: 'https://bridge.example.co.uk',
        languages: 'English, Urdu',
        tags: 'pregnancy, -minus',
        acceptingNewPatients: 'no',
        openingHours: 'Mon–Thu 9–17',
        internalNotes: 'Ask for Sam, not the front desk.',
      },
      { name: 'Plain Physio', discipline: 'physical_therapist' },
    ];
    for (const r of rows) await addProvider(admin, providerSchema.parse(r));
    const archived = await addProvider(admin, providerSchema.parse({ name: 'Gone Away', discipline: 'other' }));
    if (archived.ok) await archiveProvider(admin, archived.value.id);

    expect(await providersCsv(practitioner)).toMatchObject({ ok: false, code: 'forbidden' });
    const csv = await providersCsv(admin);
    if (!csv.ok) throw new Error(csv.message);
    expect(csv.value.split('\r\n')[0]).toBe(
      HEADER.split(',')
        .map((c) => `"${c}"`)
        .join(','),
    );
    expect(csv.value).toContain(`"'=Danger Formula"`);
    expect(csv.value).not.toContain('Gone Away');

    const other = await createClinicWithTeam();
    const preview = await previewProviderImport(other.admin, csvFile(csv.value, 'directory.csv'));
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.value.reject).toEqual([]);
    expect(preview.value.add.map((r) => [r.name, r.discipline, r.organisation])).toEqual([
      ['=Danger Formula', 'osteopath', '＝Bridge "Quoted" Osteopathy'],
      ['Plain Physio', 'physical_therapist', null],
    ]);
    expect(await importProviders(other.admin, csvFile(csv.value))).toEqual({ ok: true, value: { imported: 2 } });
    const copied = await db().select().from(providers).where(eq(providers.clinicId, other.clinic.id));
    const original = await db().select().from(providers).where(eq(providers.clinicId, admin.clinicId));
    const comparable = (list: typeof copied) =>
      list
        .filter((p) => !p.isClinic && !p.archivedAt)
        .map(({ id: _id, clinicId: _c, createdAt: _a, updatedAt: _u, ...rest }) => rest)
        .sort((x, y) => x.name.localeCompare(y.name));
    expect(comparable(copied)).toEqual(comparable(original));
  });

  it('unauthorized access: an export and an import stay inside the caller’s clinic', async () => {
    const a = await createClinicWithTeam();
    const b = await createClinicWithTeam();
    await addProvider(a.admin, providerSchema.parse({ name: 'Secret Of A', discipline: 'physician' }));
    const csv = await providersCsv(b.admin);
    expect(csv.ok && csv.value).not.toContain('Secret Of A');
    const before = await countIn(a.clinic.id);
    await importProviders(b.admin, csvFile('name,discipline\nFrom B,other\n'));
    expect(await countIn(a.clinic.id)).toBe(before);
    // A's names are not "already in the directory" for B.
    const preview = await previewProviderImport(b.admin, csvFile('name,discipline\nSecret Of A,other\n'));
    expect(preview.ok && preview.value.add[0]?.duplicate).toBeNull();
  });
});
