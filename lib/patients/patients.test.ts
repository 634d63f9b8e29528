import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { db } from '@/db/client';
import { auditEvents, patients } from '@/db/schema';
import crypto from 'node:crypto';
import { createClinicWithTeam, createScreenedPatient, createUser } from '@/testing/factories';
import { EVERY_DAY, fixtureExercise, planItem } from '@/testing/on-plan';
import { lookupToken } from '@/lib/patient-portal/link-access';
import { createPatientLink } from '@/lib/patients/links';
import { assignPlan } from '@/lib/plans/assign';
import { recordSessionLog } from '@/lib/patient-portal/record-log';
import { createPatient, findPatient, updatePatient } from './patients';
import { rosterPage } from '@/lib/roster/roster-page';
import { currentScreening, recordScreening, screeningFormSchema, screeningHistory } from '@/lib/screening/screening';
import { patientSchema, parseRosterQuery } from '@/lib/validation/patient';

const input = (name: string, extra: Partial<Record<string, string>> = {}) =>
  patientSchema.parse({ name, timezone: 'Europe/London', ...extra });

describe('patient records', () => {
  it('creates a patient with a clear message for each bad field, and escapes nothing away', () => {
    const bad = patientSchema.safeParse({
      name: '',
      birthYear: '1850',
      email: 'not-an-email',
      phone: '<script>',
      timezone: 'Mars/Olympus',
      primaryPractitionerId: 'nobody',
      notes: 'x'.repeat(5001),
    });
    expect(bad.success).toBe(false);
    const fields = bad.success ? {} : z.flattenError(bad.error).fieldErrors;
    expect(Object.keys(fields).sort()).toEqual([
      'birthYear',
      'email',
      'name',
      'notes',
      'phone',
      'primaryPractitionerId',
      'timezone',
    ]);
    expect(fields.birthYear?.[0]).toMatch(/at least 1900/);
    expect(patientSchema.parse({ name: '<b>Bold</b> & co', timezone: 'UTC' }).name).toBe('<b>Bold</b> & co');
    expect(patientSchema.parse({ name: 'A', timezone: 'UTC', birthYear: '' }).birthYear).toBeNull();
  });

  it('refuses a primary practitioner from another clinic or a disabled one', async () => {
    const a = await createClinicWithTeam();
    const b = await createClinicWithTeam();
    const outcome = await createPatient(a.admin, { ...input('Cross'), primaryPractitionerId: b.practitioner.userId });
    expect(outcome).toMatchObject({ ok: false, fieldErrors: { primaryPractitionerId: [expect.any(String)] } });
  });

  it('records who created and changed a patient in the audit trail', async () => {
    const { admin } = await createClinicWithTeam();
    const created = await createPatient(admin, input('Audited'));
    if (!created.ok) throw new Error('setup');
    await updatePatient(admin, created.value.id, input('Audited Renamed'));
    const events = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, created.value.id));
    expect(events.map((e) => e.action).sort()).toEqual(['patient.created', 'patient.updated']);
    expect(JSON.stringify(events)).not.toContain('Audited');
  });
});

describe('screening history', () => {
  it('keeps every screening; the newest is the one in force', async () => {
    const { practitioner } = await createClinicWithTeam();
    const patientId = await createScreenedPatient(practitioner, { yes: ['pregnancy'] });
    await recordScreening(practitioner, patientId, { pregnancy: { present: false, note: 'Delivered' } });
    const history = await screeningHistory(practitioner, patientId);
    expect(history).toHaveLength(2);
    expect((await currentScreening(practitioner, patientId))?.answers.pregnancy).toEqual({
      present: false,
      note: 'Delivered',
    });
    expect(history[1]?.answers.pregnancy?.present).toBe(true);
  });

  it('needs an explicit yes or no for every question', () => {
    const parsed = screeningFormSchema.safeParse({ bone_tumour: 'no', pregnancy: 'maybe' });
    expect(parsed.success).toBe(false);
    const fields = parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
    expect(Object.keys(fields)).toHaveLength(15);
  });
});

describe('the roster', () => {
  let ctx: Awaited<ReturnType<typeof createClinicWithTeam>>;
  beforeAll(async () => {
    ctx = await createClinicWithTeam();
    const other = await createUser(ctx.clinic.id);
    const names = Array.from({ length: 23 }, (_, i) => `Roster ${String(i).padStart(2, '0')}`);
    for (const [i, name] of names.entries()) {
      const created = await createPatient(ctx.admin, {
        ...input(name),
        primaryPractitionerId: i % 2 ? other.user.id : ctx.admin.userId,
      });
      if (!created.ok) throw new Error('setup');
      if (i === 3) await db().update(patients).set({ status: 'discharged' }).where(eq(patients.id, created.value.id));
      if (i === 5)
        await db().update(patients).set({ email: 'odd_100%@example.com' }).where(eq(patients.id, created.value.id));
    }
  });

  it('pages, sorts and counts in SQL', async () => {
    const page2 = await rosterPage(ctx.admin, parseRosterQuery({ size: '10', page: '2' }));
    expect(page2.total).toBe(22);
    expect(page2.rows.map((r) => r.name)).toEqual([
      'Roster 11',
      'Roster 12',
      'Roster 13',
      'Roster 14',
      'Roster 15',
      'Roster 16',
      'Roster 17',
      'Roster 18',
      'Roster 19',
      'Roster 20',
    ]);
    const desc = await rosterPage(ctx.admin, parseRosterQuery({ sort: 'name', dir: 'desc', size: '10' }));
    expect(desc.rows[0]?.name).toBe('Roster 22');
  });

  it('filters by status, by practitioner and by search, treating % and _ literally', async () => {
    expect((await rosterPage(ctx.admin, parseRosterQuery({ status: 'discharged' }))).rows.map((r) => r.name)).toEqual([
      'Roster 03',
    ]);
    expect((await rosterPage(ctx.admin, parseRosterQuery({ status: 'all' }))).total).toBe(23);
    const mine = await rosterPage(ctx.admin, parseRosterQuery({ practitioner: 'me', status: 'all' }));
    expect(mine.rows.every((r) => r.primaryPractitionerId === ctx.admin.userId)).toBe(true);
    expect(mine.total).toBe(12);
    expect((await rosterPage(ctx.admin, parseRosterQuery({ q: '100%' }))).rows.map((r) => r.name)).toEqual([
      'Roster 05',
    ]);
    expect((await rosterPage(ctx.admin, parseRosterQuery({ q: '%' }))).total).toBe(1);
  });

  it('finds a name whatever the apostrophe style, accents or case, as typed or as stored', async () => {
    const team = await createClinicWithTeam();
    const add = async (name: string, extra: Partial<Record<string, string>> = {}) => {
      const created = await createPatient(team.admin, input(name, extra));
      if (!created.ok) throw new Error('setup');
      return created.value.id;
    };
    await add('Siobhán O’Connor');
    await add("Liam O'Brien");
    const zoe = await add('Zoë Núñez', { email: 'ZOE.N@Example.com' });
    await add('Oscar Connors');
    const found = async (q: string) =>
      (await rosterPage(team.admin, parseRosterQuery({ q }))).rows.map((r) => r.name).sort();
    for (const q of ["O'Connor", 'o’connor', 'OCONNOR', 'siobhan o', 'SIOBHÁN']) {
      expect(await found(q), q).toEqual(['Siobhán O’Connor']);
    }
    for (const q of ['O’Brien', 'obrien', "o'br"]) expect(await found(q), q).toEqual(["Liam O'Brien"]);
    for (const q of ['zoe nunez', 'ZOË', 'Nuñez', 'zoe.n@example']) expect(await found(q), q).toEqual(['Zoë Núñez']);
    // The search form follows an edit: the database keeps it, not the code that wrote the name.
    await updatePatient(team.admin, zoe, input('Chloé D’Arcy'));
    expect(await found("d'arcy")).toEqual(['Chloé D’Arcy']);
    expect(await found('zoe')).toEqual([]);
  });

  it('falls back to defaults for nonsense in the URL', () => {
    expect(
      parseRosterQuery({
        sort: 'password',
        dir: 'sideways',
        page: '-4',
        size: '1000',
        status: 'x',
        practitioner: "' or 1=1",
      }),
    ).toEqual({
      q: '',
      status: 'active',
      practitioner: '',
      sort: 'name',
      dir: 'asc',
      page: 1,
      size: 25,
    });
  });

  it('unauthorized access: never lists, finds or edits another clinic’s patients', async () => {
    const b = await createClinicWithTeam();
    expect((await rosterPage(b.admin, parseRosterQuery({ status: 'all', q: 'Roster' }))).total).toBe(0);
    const [victim] = (await rosterPage(ctx.admin, parseRosterQuery({}))).rows;
    expect(await findPatient(b.admin, victim!.id)).toBeNull();
    expect(await updatePatient(b.admin, victim!.id, input('Hijacked'))).toMatchObject({ ok: false, code: 'not_found' });
    expect(await recordScreening(b.admin, victim!.id, {})).toMatchObject({ ok: false, code: 'not_found' });
    expect(await screeningHistory(b.admin, victim!.id)).toEqual([]);
    expect((await findPatient(ctx.admin, victim!.id))?.name).toBe(victim!.name);
  });
});

describe('the roster’s adherence, pain and alert columns', () => {
  const day = 86_400_000;
  /**
   * A session `daysAgo` calendar days ago (UTC): at midday on earlier days, and just after
   * midnight today, so the day it counts for never depends on the hour the tests run (an hour
   * before "now" fell on yesterday between 00:00 and 01:00 UTC).
   */
  const iso = (daysAgo: number) => {
    const now = new Date();
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const at = daysAgo === 0 ? Math.min(midnight + 30_000, now.getTime() - 1000) : midnight - daysAgo * day + day / 2;
    return new Date(at).toISOString();
  };

  /** A patient on one session a day since three weeks ago, with sessions `daysAgo` (pain before, after). */
  async function onPlan(
    ctx: Awaited<ReturnType<typeof createClinicWithTeam>>,
    name: string,
    sessions: [daysAgo: number, pain: [number, number]][],
  ) {
    const patientId = await createScreenedPatient(ctx.admin, { name, timezone: 'UTC' });
    const startDate = new Date(Date.now() - 21 * day).toISOString().slice(0, 10);
    const plan = await assignPlan(ctx.admin, patientId, {
      templateId: null,
      startDate,
      endDate: null,
      items: [planItem(exerciseId, 1, EVERY_DAY)],
      acknowledgements: {},
    });
    if (!plan.ok) throw new Error(plan.message);
    const link = await createPatientLink(ctx.admin, patientId, { label: 'phone', expiresInDays: null });
    if (!link.ok) throw new Error('link');
    const found = await lookupToken(link.value.token);
    if (!found.ok) throw new Error('lookup');
    const log = async (daysAgo: number, pain: [number, number]) => {
      // Logged soon after the session, as the phone does (a log may arrive at most 7 days late).
      const performedAt = iso(daysAgo);
      const input = {
        idempotencyKey: crypto.randomUUID(),
        performedAt,
        itemsDone: [exerciseId],
        painBefore: pain[0],
        painAfter: pain[1],
        symptoms: [],
        note: null,
      };
      const done = await recordSessionLog(found.value, input, new Date(Date.parse(performedAt) + 60_000));
      if (!done.ok) throw new Error(done.message);
    };
    for (const [daysAgo, pain] of sessions) await log(daysAgo, pain);
    return { patientId, log };
  }

  let exerciseId: string;
  beforeAll(async () => {
    exerciseId = await fixtureExercise();
  });

  it('sorts by 7- and 28-day adherence, pain change and open alerts, figures made current first, blanks last', async () => {
    const ctx = await createClinicWithTeam();
    const week = (pain: [number, number]) => [0, 1, 2, 3, 4, 5, 6].map((d): [number, [number, number]] => [d, pain]);
    await onPlan(ctx, 'Ada', [...week([4, 5]), [10, [3, 2]]]); // 7 of 7; pain after 5, from 2 the week before: +3
    const bo = await onPlan(ctx, 'Bo', [
      [0, [3, 8]],
      [2, [3, 3]],
      [4, [3, 3]],
      [9, [3, 3]],
    ]); // 3 of 7; pain 4.67 from 3; 8 raises a red flag
    const cy = await onPlan(ctx, 'Cy', []); // nothing logged: 0 %
    await createScreenedPatient(ctx.admin, { name: 'Di (no plan)' }); // no figures at all
    const names = async (sort: string, dir = 'asc') =>
      (await rosterPage(ctx.admin, parseRosterQuery({ sort, dir }))).rows.map((r) => r.name);

    expect(await names('adherence7')).toEqual(['Cy', 'Bo', 'Ada', 'Di (no plan)']);
    expect(await names('adherence7', 'desc')).toEqual(['Ada', 'Bo', 'Cy', 'Di (no plan)']);
    expect(await names('adherence28', 'desc')).toEqual(['Ada', 'Bo', 'Cy', 'Di (no plan)']);
    expect(await names('pain', 'desc')).toEqual(['Ada', 'Bo', 'Cy', 'Di (no plan)']); // +3, then Bo's +1.67; Cy has no pain
    expect(await names('alerts', 'desc')).toEqual(['Bo', 'Ada', 'Cy', 'Di (no plan)']);

    const [ada] = (await rosterPage(ctx.admin, parseRosterQuery({ sort: 'adherence7', dir: 'desc' }))).rows;
    expect(ada).toMatchObject({ name: 'Ada', adherence7: 1, painAfter7: 5, painChange: 3, openRedFlags: 0 });
    expect(ada?.trend).toHaveLength(28);

    // Cy catches up today and yesterday: the stored figures are out of date, and the sort sees it.
    for (const d of [0, 1, 2, 3, 4, 5, 6]) await cy.log(d, [2, 2]);
    expect(await names('adherence7', 'desc')).toEqual(['Ada', 'Cy', 'Bo', 'Di (no plan)']);
    // A discharged patient has no adherence to sort by, and their open red flag no longer puts
    // them first (the row shows none), whatever the status filter.
    await db().update(patients).set({ status: 'discharged' }).where(eq(patients.id, bo.patientId));
    expect(await names('adherence7')).toEqual(['Ada', 'Cy', 'Di (no plan)']);
    expect(
      (await rosterPage(ctx.admin, parseRosterQuery({ status: 'all', sort: 'alerts', dir: 'desc' }))).rows.map((r) => [
        r.name,
        r.openRedFlags,
      ]),
    ).toEqual([
      ['Ada', 0],
      ['Cy', 0],
      ['Di (no plan)', 0],
      ['Bo', 0],
    ]);
    expect(
      (await rosterPage(ctx.admin, parseRosterQuery({ status: 'all', sort: 'adherence7' }))).rows.map((r) => [
        r.name,
        r.adherence7,
      ]),
    ).toEqual([
      ['Ada', 1],
      ['Cy', 1],
      ['Bo', null],
      ['Di (no plan)', null],
    ]);
  });
});
