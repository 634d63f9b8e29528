import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { patients } from '@/db/schema';
import { rosterFigures } from '@/lib/adherence/figures';
import { formatDateTime, todayIn } from '@/lib/dates';
import { updatePatient } from '@/lib/patients/patients';
import { patientSchema } from '@/lib/validation/patient';
import { fixtureExercise, patientOnPlan } from '@/testing/on-plan';
import { currentTimezoneName, knownTimezones, timezoneChoices } from './timezones';
import { clinicSchema } from '@/lib/validation/clinic';
import { createScreenedPatient } from '@/testing/factories';
import { dashboard, dashboardQuerySchema } from '@/lib/roster/dashboard';
import { rosterCsv } from '@/lib/roster/exports';

const RETIRED = { 'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Saigon': 'Asia/Ho_Chi_Minh', 'Europe/Kiev': 'Europe/Kyiv' };

describe('the timezone picker', () => {
  it('offers Asia/Kolkata, Asia/Ho_Chi_Minh and Europe/Kyiv, never their retired spellings, each once', () => {
    const choices = timezoneChoices('Europe/London');
    expect(choices[0]).toBe('Europe/London');
    expect(choices).toEqual(expect.arrayContaining([...Object.values(RETIRED), 'UTC', 'Pacific/Auckland']));
    for (const old of Object.keys(RETIRED)) expect(choices).not.toContain(old);
    expect(choices.filter((z) => currentTimezoneName(z) !== z)).toEqual([]);
    expect(new Set(choices).size).toBe(choices.length);
  });

  it('shows a patient stored under a retired name with the current name, first', () => {
    expect(timezoneChoices('Asia/Calcutta')[0]).toBe('Asia/Kolkata');
    expect(timezoneChoices('Asia/Calcutta')).not.toContain('Asia/Calcutta');
  });

  it('offers only zones the database knows, so every day it buckets can be computed', async () => {
    const unknown = rowsOf<{ name: string }>(
      await db().execute(
        sql`select z as name from unnest(${`{${timezoneChoices('UTC').join(',')}}`}::text[]) z where z not in (select name from pg_timezone_names)`,
      ),
    );
    expect(unknown).toEqual([]);
  });
});

describe('a patient stored under a retired name', () => {
  it('still validates, shows the same times and figures, and is saved under the current name', async () => {
    expect(patientSchema.parse({ name: 'Asha', timezone: 'Asia/Calcutta' }).timezone).toBe('Asia/Kolkata');
    expect(patientSchema.parse({ name: 'Asha', timezone: ' Europe/Kiev ' }).timezone).toBe('Europe/Kyiv');
    expect(patientSchema.safeParse({ name: 'Asha', timezone: 'Asia/Atlantis' }).success).toBe(false);
    expect(formatDateTime('2026-06-01T18:40:00Z', 'Asia/Calcutta')).toBe(
      formatDateTime('2026-06-01T18:40:00Z', 'Asia/Kolkata'),
    );

    const now = new Date();
    const p = await patientOnPlan(await fixtureExercise(), 'Asia/Calcutta', todayIn('Asia/Kolkata', now));
    await p.logAt(now.toISOString(), now);
    const [figures] = await rosterFigures(p.clinic.id, { patientIds: [p.patientId], now });
    expect(figures).toMatchObject({ timezone: 'Asia/Calcutta', today: todayIn('Asia/Kolkata', now), completed7: 1 });

    const saved = await updatePatient(
      p.practitioner,
      p.patientId,
      patientSchema.parse({ name: 'Asha', timezone: 'Asia/Calcutta', primaryPractitionerId: p.practitioner.userId }),
    );
    expect(saved.ok).toBe(true);
    const [row] = await db().select({ timezone: patients.timezone }).from(patients).where(eq(patients.id, p.patientId));
    expect(row?.timezone).toBe('Asia/Kolkata');
  });
});

describe('a timezone Node accepts but the database does not', () => {
  it('is refused by the clinic and patient forms with a field message', () => {
    for (const zone of ['US/Pacific-New', 'Asia/Atlantis']) {
      const patient = patientSchema.safeParse({ name: 'Asha', timezone: zone });
      expect(patient.success, zone).toBe(false);
      expect(patient.error?.issues[0]).toMatchObject({ path: ['timezone'], message: expect.stringMatching(/IANA/) });
      expect(clinicSchema.safeParse({ name: 'Harbour', timezone: zone }).success, zone).toBe(false);
    }
  });

  it('every zone the forms accept is one the database knows', async () => {
    const zones = [...knownTimezones()];
    const unknown = rowsOf<{ name: string }>(
      await db().execute(
        sql`select z as name from unnest(${`{${zones.join(',')}}`}::text[]) z where rollcall_valid_timezone(z) is null`,
      ),
    );
    expect(unknown).toEqual([]);
  });

  it('already stored for one patient marks that patient and leaves everyone else’s figures', async () => {
    const now = new Date();
    const good = await patientOnPlan(await fixtureExercise(), 'Europe/London', todayIn('Europe/London', now));
    await good.logAt(now.toISOString(), now);
    const badId = await createScreenedPatient(good.practitioner, { timezone: 'Europe/London' });
    // Stored before this check existed (or by hand): the forms would refuse it now.
    await db().execute(sql`update patients set timezone = 'US/Pacific-New' where id = ${badId}::uuid`);

    const figures = await rosterFigures(good.clinic.id, { now });
    expect(figures.find((r) => r.patientId === badId)).toMatchObject({ timezoneInvalid: true, today: null });
    expect(figures.find((r) => r.patientId === good.patientId)).toMatchObject({
      timezoneInvalid: false,
      today: todayIn('Europe/London', now),
      completed7: 1,
    });
    const board = await dashboard(good.practitioner, dashboardQuerySchema.parse({}));
    expect(board.total).toBe(2);
    const csv = await rosterCsv(good.practitioner, 'clinic');
    expect(csv.trim().split('\n')).toHaveLength(3);
  });
});
