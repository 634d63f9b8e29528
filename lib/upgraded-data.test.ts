import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@/db/client';
import { MigrationFailedError } from '@/db/migrate';
import { readJournal } from '@/testing/migration-steps';
import { UPGRADE_TARGETS, openTarget, query, upgradedFrom } from '@/testing/upgrade-db';
import { adherenceByPatient } from './adherence/adherence';
import { rosterFigures } from './adherence/figures';
import type { Actor } from './auth/guard';
import { planDetail, plansOfPatient } from './plans/read';
import { dashboard, dashboardQuerySchema } from './roster/dashboard';
import { rosterPage } from './roster/roster-page';
import { messageForOperator } from './safe-error';
import { parseRosterQuery } from './validation/patient';

/*
 * The app's own reads on a database upgraded from every earlier schema step (db/upgrades.test.ts
 * checks the rows themselves): the roster, the dashboard's figures against a recomputation from
 * the logs, and each listed patient's plans.
 */

const STEPS = readJournal()
  .entries.slice(0, -1)
  .map((e) => e.idx);

/** Runs the app's own reads (lib/) on this database instead of the test run's. */
async function withAppDatabase<T>(handle: DbHandle, work: () => Promise<T>): Promise<T> {
  const g = globalThis as { __rollcallDb?: DbHandle };
  const previous = g.__rollcallDb;
  g.__rollcallDb = handle;
  try {
    return await work();
  } finally {
    g.__rollcallDb = previous;
  }
}

async function adminsOf(handle: DbHandle): Promise<Actor[]> {
  const rows = await query<{ id: string; clinic_id: string; name: string; email: string }>(
    handle,
    `select distinct on (clinic_id) id, clinic_id, name, email from users where role = 'admin' order by clinic_id, email`,
  );
  return rows.map((u) => ({
    userId: u.id,
    clinicId: u.clinic_id,
    role: 'admin',
    name: u.name,
    email: u.email,
    mustChangePassword: false,
  }));
}

/** The roster, a patient's plan and the dashboard's figures read the upgraded data, and agree with a recomputation. */
async function appReads(handle: DbHandle, k: number) {
  const admins = await adminsOf(handle);
  expect(admins.length).toBeGreaterThan(0);
  await withAppDatabase(handle, async () => {
    for (const admin of admins) {
      const [{ n: activePatients } = { n: 0 }] = await query<{ n: number }>(
        handle,
        `select count(*)::int as n from patients where clinic_id = '${admin.clinicId}' and status = 'active'`,
      );
      const roster = await rosterPage(admin, parseRosterQuery({ size: '100' }));
      expect(roster.total, `roster of ${admin.email} at step ${k}`).toBe(activePatients);
      if (k === 0) continue;
      const stored = await rosterFigures(admin.clinicId);
      const live = await adherenceByPatient(admin.clinicId);
      const counts = (r: {
        patientId: string;
        prescribed7: number;
        completed7: number;
        prescribed28: number;
        completed28: number;
      }) => [r.patientId, r.prescribed7, r.completed7, r.prescribed28, r.completed28].join(' ');
      expect(stored.map(counts).sort()).toEqual(live.map(counts).sort());
      const board = await dashboard(admin, dashboardQuerySchema.parse({}));
      expect(board.figures.activePatients).toBe(stored.length);
      const a7 = stored
        .map((r) => r.adherence7)
        .filter((v): v is number => v !== null)
        .sort((a, b) => a - b);
      const median = a7.length
        ? (a7[Math.floor((a7.length - 1) / 2)]! + a7[Math.ceil((a7.length - 1) / 2)]!) / 2
        : null;
      expect(board.figures.medianAdherence7).toBeCloseTo(median ?? Number.NaN);
      for (const row of roster.rows.slice(0, 3)) {
        const plans = await plansOfPatient(admin, row.id);
        for (const plan of plans) {
          const detail = await planDetail(admin, plan.id);
          const [{ n: items } = { n: 0 }] = await query<{ n: number }>(
            handle,
            `select count(*)::int as n from plan_items i join plan_versions v on v.id = i.plan_version_id where v.plan_id = '${plan.id}'`,
          );
          expect(detail?.versions.flatMap((v) => v.items)).toHaveLength(items);
        }
      }
    }
  });
}

describe.each(UPGRADE_TARGETS)('on $name', ({ name, enabled }) => {
  let handle: DbHandle;
  let close = async () => {};

  beforeAll(async () => {
    if (enabled) ({ handle, close } = await openTarget(name));
  });
  afterAll(() => close());

  it.runIf(enabled).each(STEPS)('the roster, dashboard and plans read a database upgraded from step %i', async (k) => {
    await upgradedFrom(handle, k);
    await appReads(handle, k);
  });
});

describe('a failed migration, as the server reports it', () => {
  it('names the migration, quotes the database and says what to do', () => {
    const error = new MigrationFailedError(
      'migration 0014_audit_trail failed: relation "x" already exists (SQLSTATE 42P07). …',
      '0014_audit_trail',
      {
        cause: Object.assign(new Error('Failed query: insert … params: secret'), { name: 'DrizzleQueryError' }),
      },
    );
    expect(messageForOperator(error)).toBe(error.message);
  });
});
