import { describe, expect, it } from 'vitest';
import { db, rowsOf } from '@/db/client';
import { seedDemo } from '@/scripts/seed/demo';
import { alerts, clinics, users } from '@/db/schema';
import { eq, sql } from 'drizzle-orm';
import { actorFor, createClinicWithTeam, createScreenedPatient } from '@/testing/factories';
import { fixtureExercise, patientOnPlan } from '@/testing/on-plan';
import { withAttention } from '@/lib/adherence/attention';
import { DASHBOARD_SORTS, dashboard, dashboardQuerySchema } from './dashboard';
import { rosterFigures } from '@/lib/adherence/figures';
import { patientLogsCsv, rosterCsv } from './exports';

type Figures = {
  openRedFlags: number;
  prescribed7: number;
  prescribedDays7: number;
  completed7: number;
  lastSessionDay: string | null;
  missedPrescribedDays: number;
  painAfter7: number | null;
  painAfterPrevious7: number | null;
};
const base: Figures = {
  openRedFlags: 0,
  prescribed7: 10,
  prescribedDays7: 5,
  completed7: 10,
  lastSessionDay: '2026-06-15',
  missedPrescribedDays: 0,
  painAfter7: 2,
  painAfterPrevious7: 2,
};

/** The dashboard's rules, run by the database on one row of figures as stored. */
async function reasonsFor(changes: Partial<Figures>): Promise<string[]> {
  const f = { ...base, ...changes };
  const row = sql`select 'P' as name, '2026-06-15' as today, ${f.openRedFlags}::int as "openRedFlags", ${f.prescribed7}::int as "prescribed7", ${f.prescribedDays7}::int as "prescribedDays7",
    ${f.completed7}::int as "completed7", 0 as "prescribed28", 0 as "completed28", ${f.lastSessionDay}::text as "lastSessionDay",
    ${f.missedPrescribedDays}::int as "missedPrescribedDays", ${f.painAfter7}::float8 as "painAfter7", ${f.painAfterPrevious7}::float8 as "painAfterPrevious7",
    null::float8 as "painBefore7", null::float8 as "painBeforePrevious7"`;
  const result = await db().execute(sql`select reasons from (${withAttention(row)}) x`);
  return (((result as { rows?: unknown[] }).rows ?? result) as [{ reasons: string[] }])[0].reasons;
}

describe('who needs attention', () => {
  it('applies each rule and nothing else', async () => {
    expect(await reasonsFor({})).toEqual([]);
    expect(await reasonsFor({ openRedFlags: 1 })).toEqual(['red_flag']);
    expect(await reasonsFor({ completed7: 4 })).toEqual(['low_adherence']);
    expect(await reasonsFor({ completed7: 5 })).toEqual([]);
    expect(await reasonsFor({ prescribed7: 0, prescribedDays7: 0, completed7: 0 })).toEqual([]); // nothing due: no ratio
    // A plan too new to judge: two days asked for sessions, none done.
    expect(await reasonsFor({ prescribed7: 4, prescribedDays7: 2, completed7: 0 })).toEqual([]);
    expect(await reasonsFor({ prescribed7: 6, prescribedDays7: 3, completed7: 0 })).toEqual(['low_adherence']);
    expect(await reasonsFor({ lastSessionDay: '2026-06-12', missedPrescribedDays: 2 })).toEqual(['inactive']);
    expect(await reasonsFor({ lastSessionDay: '2026-06-12', missedPrescribedDays: 0 })).toEqual([]); // rest days only
    expect(await reasonsFor({ lastSessionDay: '2026-06-13', missedPrescribedDays: 1 })).toEqual([]); // two days
    expect(await reasonsFor({ lastSessionDay: null, missedPrescribedDays: 3 })).toEqual(['inactive']);
    expect(await reasonsFor({ lastSessionDay: null, missedPrescribedDays: 2 })).toEqual([]);
    expect(await reasonsFor({ painAfter7: 5, painAfterPrevious7: 3 })).toEqual(['pain_rising']);
    expect(await reasonsFor({ painAfter7: 4.9, painAfterPrevious7: 3 })).toEqual([]);
    expect(await reasonsFor({ painAfter7: 5, painAfterPrevious7: null })).toEqual([]);
    expect(await reasonsFor({ openRedFlags: 2, completed7: 0, painAfter7: 9, painAfterPrevious7: 3 })).toEqual([
      'red_flag',
      'low_adherence',
      'pain_rising',
    ]);
  });
});

describe('the demo clinic’s dashboard', () => {
  it('tells the story the seed meant: the red flag first, lapses flagged, figures in range', async () => {
    await seedDemo(db());
    const [harbour] = await db().select().from(clinics).where(eq(clinics.slug, 'harbour'));
    const [admin] = await db().select().from(users).where(eq(users.email, 'admin@harbour.example.com'));
    const actor = actorFor(admin!);
    const data = await dashboard(actor, dashboardQuerySchema.parse({}));
    expect(harbour).toBeDefined();
    expect(data.figures.activePatients).toBe(11);
    expect(data.attention[0]).toMatchObject({ name: 'Daniel Ruiz', reasons: expect.arrayContaining(['red_flag']) });
    const names = data.attention.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Aiko Tanaka', 'Ethan Clarke', 'Tom Becker']));
    expect(names).not.toContain('Maria Lopez');
    expect(data.figures.medianAdherence7).toBeGreaterThan(0.3);
    const byAdherence = await dashboard(actor, dashboardQuerySchema.parse({ sort: 'adherence7', dir: 'desc' }));
    const values = byAdherence.rows.map((r) => r.adherence7).filter((v): v is number => v !== null);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const needing = await dashboard(actor, dashboardQuerySchema.parse({ show: 'attention', sort: 'name' }));
    expect(needing.total).toBe(data.figures.needingAttention);
    expect(needing.rows.map((r) => r.name)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(dashboardQuerySchema.parse({ show: 'nonsense' }).show).toBe('all');
    const mine = await dashboard(actor, dashboardQuerySchema.parse({ scope: 'mine' }));
    expect(mine.figures.activePatients).toBeLessThan(data.figures.activePatients);

    // The patients roster shows the same figures for the patients on its page.
    const { rosterPage } = await import('@/lib/roster/roster-page');
    const { parseRosterQuery } = await import('@/lib/validation/patient');
    const [danielRow] = (await rosterPage(actor, parseRosterQuery({ q: 'Daniel' }))).rows;
    const danielFigures =
      data.rows.find((r) => r.name === 'Daniel Ruiz') ?? data.attention.find((r) => r.name === 'Daniel Ruiz');
    expect(danielRow).toMatchObject({ openRedFlags: 1, adherence7: danielFigures?.adherence7 });

    const csv = await rosterCsv(actor, 'clinic');
    expect(csv.split('\r\n')[0]).toContain('"adherence_7d"');
    expect(csv).toContain('"Daniel Ruiz"');
  });

  it('pages through the whole roster in each sort order, nulls last, with the same rows the roster reads', async () => {
    await seedDemo(db());
    const [admin] = await db().select().from(users).where(eq(users.email, 'admin@harbour.example.com'));
    const actor = actorFor(admin!);
    const all = await rosterFigures(actor.clinicId);
    const key: Record<(typeof DASHBOARD_SORTS)[number], (r: (typeof all)[number]) => number | string | null> = {
      name: (r) => r.name.toLowerCase(),
      adherence7: (r) => r.adherence7,
      adherence28: (r) => r.adherence28,
      last_session: (r) => r.lastSessionDay,
      pain: (r) => r.painChange,
      alerts: (r) => r.openRedFlags,
    };
    for (const sort of DASHBOARD_SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        const pages = [];
        for (let page = 1; page <= Math.ceil(all.length / 4); page++) {
          pages.push(...(await dashboard(actor, dashboardQuerySchema.parse({ sort, dir, page }), 4)).rows);
        }
        const sign = dir === 'asc' ? 1 : -1;
        const expected = [...all].sort((a, b) => {
          const [x, y] = [key[sort](a), key[sort](b)];
          if (x !== y) {
            if (x === null) return 1;
            if (y === null) return -1;
            return (x < y ? -1 : 1) * sign;
          }
          const [m, n] = [a.name.toLowerCase(), b.name.toLowerCase()];
          return m === n ? (a.patientId < b.patientId ? -1 : 1) : m < n ? -1 : 1;
        });
        expect(
          pages.map((r) => r.patientId),
          `${sort} ${dir}`,
        ).toEqual(expected.map((r) => r.patientId));
        expect(pages).toEqual(pages.map((r) => expect.objectContaining(all.find((a) => a.patientId === r.patientId)!)));
      }
    }
  });

  it('counts an open red flag live: resolving it takes the patient off the list without recomputing figures', async () => {
    await seedDemo(db());
    const [admin] = await db().select().from(users).where(eq(users.email, 'admin@harbour.example.com'));
    const actor = actorFor(admin!);
    const before = await dashboard(actor, dashboardQuerySchema.parse({}));
    const daniel = before.attention.find((r) => r.name === 'Daniel Ruiz')!;
    expect(daniel.reasons[0]).toBe('red_flag');
    const computedAt = async () =>
      rowsOf<{ at: string }>(await db().execute(sql`select max(computed_at)::text as at from patient_figures`))[0]?.at;
    const computed = await computedAt();
    await db().update(alerts).set({ status: 'resolved' }).where(eq(alerts.patientId, daniel.patientId));
    const after = await dashboard(actor, dashboardQuerySchema.parse({ sort: 'name' }));
    const again = [...after.attention, ...after.rows].find((r) => r.patientId === daniel.patientId)!;
    expect(again.reasons).toEqual(daniel.reasons.slice(1));
    expect(again.openRedFlags).toBe(0);
    expect(after.attention[0]?.patientId).not.toBe(daniel.patientId);
    expect(await computedAt()).toBe(computed);
  });

  it('lists who needs attention most severe first: chest pain, tingling, pain of 7+, rising pain, then lapses', async () => {
    const exerciseId = await fixtureExercise();
    const started = new Date(Date.now() - 12 * 86_400_000).toISOString().slice(0, 10);
    const { practitioner: actor, patientId: lapsed } = await patientOnPlan(exerciseId, 'UTC', started);
    const flagged = async (name: string, reasons: string[], minutesAgo: number) => {
      const patientId = await createScreenedPatient(actor, { name });
      await db()
        .insert(alerts)
        .values({
          clinicId: actor.clinicId,
          patientId,
          kind: 'red_flag',
          reasons,
          createdAt: new Date(Date.now() - minutesAgo * 60_000),
        });
      return patientId;
    };
    // Oldest first, as the old order (red flag, then most reasons) would have put them.
    const rising = await flagged(
      'Aaron Rise',
      ['Pain 2 or more points higher after the session', 'Pain of 7 or more'],
      600,
    );
    const rose = await flagged('Abe Rose', ['Pain 2 or more points higher after the session'], 500);
    const tingling = await flagged('Zoe Tingle', ['Tingling or numbness in the arms or hands'], 400);
    const chest = await flagged('Zed Chest', ['Chest pain or getting out of breath'], 5);
    const chestEarlier = await flagged('Yan Chest', ['Chest pain or getting out of breath'], 50);
    const data = await dashboard(actor, dashboardQuerySchema.parse({}));
    expect(data.attention.map((r) => r.patientId)).toEqual([chestEarlier, chest, tingling, rising, rose, lapsed]);
  });

  it('unauthorized access: exports refuse another clinic’s patient and list only the own clinic', async () => {
    await seedDemo(db());
    const [admin] = await db().select().from(users).where(eq(users.email, 'admin@harbour.example.com'));
    const harbourRows = await dashboard(actorFor(admin!), dashboardQuerySchema.parse({}));
    const other = await createClinicWithTeam();
    expect(await patientLogsCsv(other.admin, harbourRows.rows[0]!.patientId)).toBeNull();
    expect(await rosterCsv(other.admin, 'clinic')).not.toContain('Daniel Ruiz');
    expect((await dashboard(other.admin, dashboardQuerySchema.parse({}))).total).toBe(0);
  });
});

describe('patient charts', () => {
  it('summarise the weeks in words and refuse another clinic', async () => {
    const { patientChartData } = await import('@/lib/patients/charts');
    await seedDemo(db());
    const [admin] = await db().select().from(users).where(eq(users.email, 'admin@harbour.example.com'));
    const actor = actorFor(admin!);
    const { rows } = await dashboard(actor, dashboardQuerySchema.parse({ sort: 'name' }));
    const daniel = rows.find((r) => r.name === 'Daniel Ruiz')!;
    const data = await patientChartData(actor, daniel.patientId, '2w');
    expect(data?.days).toHaveLength(14);
    expect(data?.summary).toMatch(
      /^Completed \d+ of \d+ prescribed sessions \(\d+ %\) in the last 2 weeks; pain after sessions (rose|fell|stayed)/,
    );
    expect(data?.summary).toMatch(/with symptoms reported/);
    expect(data?.exercises.length).toBeGreaterThan(0);
    // Every range states the pain trend, 12 weeks included (where the plan began inside the range).
    for (const p of rows.filter((r) => r.painAfter7 !== null)) {
      for (const range of ['2w', '4w', '12w'] as const) {
        expect((await patientChartData(actor, p.patientId, range))?.summary, `${p.name} ${range}`).toMatch(
          /; pain after sessions (rose|fell|stayed|averaged)/,
        );
      }
    }
    const other = await createClinicWithTeam();
    expect(await patientChartData(other.admin, daniel.patientId, '2w')).toBeNull();
  });

  it('read the range from the address, and anything else as the default four weeks', async () => {
    const { parseRange } = await import('@/lib/patients/charts');
    expect(['2w', '4w', '12w'].map(parseRange)).toEqual(['2w', '4w', '12w']);
    for (const odd of [
      'bogus',
      '',
      '2W',
      'constructor',
      'toString',
      '__proto__',
      'hasOwnProperty',
      ['2w'],
      undefined,
    ]) {
      expect(parseRange(odd), String(odd)).toBe('4w');
    }
  });
});
