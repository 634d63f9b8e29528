import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from './client';
import { DatabaseAheadError, MigrationFailedError, migrateDatabase } from './migrate';
import { migrationsUpTo, readJournal } from '@/testing/migration-steps';
import {
  UPGRADE_TARGETS,
  exec,
  fixture,
  load,
  migrateTo,
  openTarget,
  query,
  reset,
  schema,
  state,
  type Row,
  type TableState,
} from '@/testing/upgrade-db';

/*
 * Every earlier schema step, with the data that step's own seed wrote (db/upgrade-fixtures,
 * npm run db:upgrade-fixtures), is migrated to the latest, on PGlite and on PostgreSQL, and must
 * keep every row (lib/upgraded-data.test.ts runs the app's reads on the result); a migration that fails leaves the database exactly as it was; a database
 * migrated by a build this one does not know is refused.
 */

const journal = readJournal();
const LATEST = journal.entries.length - 1;
const STEPS = journal.entries.slice(0, -1).map((e) => e.idx);

/** Columns a migration drops on purpose, by the first step that no longer has them. */
const DROPPED: { table: string; column: string; droppedAt: number }[] = [
  { table: 'alerts', column: 'note', droppedAt: 6 },
  { table: 'alerts', column: 'handled_by', droppedAt: 6 },
  { table: 'alerts', column: 'handled_at', droppedAt: 6 },
];
/** patient_figures is a cache: 0005, 0007 and 0008 empty it so rows from before are recomputed on the next read. */
const emptiedFrom = (table: string, k: number) => table === 'patient_figures' && k < 8;

const md5 = (rows: Row[]) => crypto.createHash('md5').update(JSON.stringify(rows)).digest('hex');
const pick = (row: Row, columns: string[]) => Object.fromEntries(columns.map((c) => [c, row[c]]));

/** The rows we expect after the upgrade, in the columns that were there before and still are. */
function expectedAfter(table: string, before: TableState, k: number): { columns: string[]; rows: Row[] } {
  const dropped = DROPPED.filter((d) => d.table === table && d.droppedAt > k).map((d) => d.column);
  const columns = before.columns.filter((c) => !dropped.includes(c));
  if (emptiedFrom(table, k)) return { columns, rows: [] };
  let rows = before.rows.map((r) => pick(r, columns));
  // 0009: a plan ended before it began (ended on its first day by the old code) ran that one day.
  if (table === 'plans' && k < 9)
    rows = rows.map((r) =>
      r.end_date !== null && String(r.end_date) < String(r.start_date) ? { ...r, end_date: r.start_date } : r,
    );
  return { columns, rows };
}

const figures = { steps: 0, rows: 0, ms: 0 };

describe.each(UPGRADE_TARGETS)('on $name', ({ name, enabled }) => {
  let handle: DbHandle;
  let close = async () => {};

  beforeAll(async () => {
    if (enabled) ({ handle, close } = await openTarget(name));
  });
  afterAll(() => close());

  it.runIf(enabled).each(STEPS)(
    'a database at step %i keeps all its data through every migration to the latest',
    async (k) => {
      const started = Date.now();
      await reset(handle);
      await migrateTo(handle, k);
      await load(handle, fixture(k));
      const before = await state(handle);
      expect([...before.values()].some((t) => t.rows.length > 0)).toBe(true);

      await migrateDatabase(handle);

      const after = await state(handle);
      for (const [table, was] of before) {
        const now = after.get(table);
        expect(now, `${table} is still there`).toBeDefined();
        const expected = expectedAfter(table, was, k);
        expect(
          expected.columns.every((c) => now!.columns.includes(c)),
          `${table} keeps its columns`,
        ).toBe(true);
        const rows = now!.rows.map((r) => pick(r, expected.columns));
        expect(rows.length, `${table}: row count`).toBe(expected.rows.length);
        expect(md5(rows), `${table}: md5 of its rows`).toBe(md5(expected.rows));
        figures.rows += was.rows.length;
      }
      const migrations = await query<{ hash: string; created_at: string }>(
        handle,
        'select hash, created_at::text from drizzle.__drizzle_migrations order by id',
      );
      expect(migrations.map((m) => Number(m.created_at))).toEqual(journal.entries.map((e) => e.when));
      // 0014 names the patient of audit rows from before it, from their detail or their subject.
      // (A fixture from step 14 on was written by a build that already fills patient_id; its
      // supplementary rows without one are not what 0014 is for.)
      if (k < 14) {
        const [unnamed] = await query<{ n: number }>(
          handle,
          `select count(*)::int as n from audit_events where patient_id is null and (detail ? 'patientId' or subject_type = 'patient')`,
        );
        expect(unnamed?.n).toBe(0);
      }
      figures.steps++;
      figures.ms += Date.now() - started;
    },
  );

  describe.runIf(enabled)('a migration that fails', () => {
    const fake = (failing: string) => ({
      tag: '0015_fake_failure',
      sql: [
        'CREATE TABLE "upgrade_probe" ("id" serial PRIMARY KEY, "note" text NOT NULL);',
        'ALTER TABLE "patients" ALTER COLUMN "notes" TYPE varchar(5000);',
        `UPDATE "patients" SET "name" = "name" || ' (changed)';`,
        `INSERT INTO "upgrade_probe" ("note") SELECT "name" FROM "patients";`,
        'DELETE FROM "session_logs";',
        failing,
      ].join('--> statement-breakpoint\n'),
    });

    async function expectUnchangedAfter(from: number, failing: string, code: string) {
      await reset(handle);
      await migrateTo(handle, 13);
      await load(handle, fixture(13));
      if (from === LATEST) await migrateDatabase(handle);
      const schemaBefore = await schema(handle);
      const dataBefore = await state(handle);
      const steps = migrationsUpTo(LATEST, [fake(failing)]);
      try {
        const error = await migrateDatabase(handle, steps.folder).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(MigrationFailedError);
        expect((error as MigrationFailedError).migration).toBe('0015_fake_failure');
        expect((error as Error).message).toContain(code);
        expect((error as Error).message).toContain(`still at ${journal.entries[from]!.tag}`);
      } finally {
        steps.remove();
      }
      expect(await schema(handle)).toEqual(schemaBefore);
      const dataAfter = await state(handle);
      expect([...dataAfter.keys()]).toEqual([...dataBefore.keys()]);
      for (const [table, was] of dataBefore) expect(md5(dataAfter.get(table)!.rows), table).toBe(md5(was.rows));
    }

    it('half-way through its statements leaves the database as it was', async () => {
      await expectUnchangedAfter(LATEST, 'SELECT 1/0;', '22012');
    });

    it('as the second of two pending migrations takes the first (0014, real DDL and data) back with it', async () => {
      await expectUnchangedAfter(
        13,
        'ALTER TABLE "plans" ADD CONSTRAINT "upgrade_probe_never" CHECK ("start_date" > \'9999-01-01\');',
        '23514',
      );
    });
  });

  describe.runIf(enabled)('a database migrated by a build this one does not know', () => {
    async function expectRefused(tamper: string, message: RegExp) {
      await reset(handle);
      await migrateTo(handle, 13);
      await load(handle, fixture(13));
      await migrateDatabase(handle);
      await exec(handle, tamper);
      const schemaBefore = await schema(handle);
      const dataBefore = await state(handle);
      const error = await migrateDatabase(handle).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseAheadError);
      expect((error as Error).message).toMatch(message);
      expect(await schema(handle)).toEqual(schemaBefore);
      expect(await state(handle)).toEqual(dataBefore);
    }

    it('is refused when it holds a later migration', async () => {
      const later = journal.entries[LATEST]!.when + 86_400_000;
      await expectRefused(
        `insert into drizzle.__drizzle_migrations (hash, created_at) values ('${'f'.repeat(64)}', ${later})`,
        new RegExp(
          `This database was migrated by a newer version of RollCall .*this build knows migrations up to ${journal.entries[LATEST]!.tag}\\. .*Run the newer version or restore a backup taken before the upgrade\\.`,
        ),
      );
    });

    it('is refused when one of its migrations is not this build’s', async () => {
      const at = journal.entries[9]!.when;
      await expectRefused(
        `update drizzle.__drizzle_migrations set hash = '${'0'.repeat(64)}' where created_at = ${at}`,
        /does not know \(0009_search_text_plan_dates differs from the one that was applied\).*restore a backup/,
      );
    });
  });
});

afterAll(() => {
  if (figures.steps)
    console.log(
      `[upgrades] ${figures.steps} step upgrades, ${figures.rows} rows compared, ${(figures.ms / 1000).toFixed(1)} s`,
    );
});
