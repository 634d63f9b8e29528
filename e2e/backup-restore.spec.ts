import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { DEMO_ACCOUNTS, DEMO_PATIENT_LINK } from '../scripts/seed/demo-accounts';
import { signIn } from './isolation/actions-over-http';
import { changes, checksums, snapshot } from './isolation/database-snapshot';
import { type TestDatabase, createTestDatabase, seedDemo, startServer } from './pg-demo-server';

// Issue 17 item 5: `npm run db:backup` and `npm run db:restore` on both databases. A restore into
// an empty database holds every row of every table, and the app works on it.
const [dana] = DEMO_ACCOUNTS;
const NOTHING_EXCLUDED = new Set<string>();

function npmScript(env: NodeJS.ProcessEnv, script: string, ...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', `scripts/${script}.ts`, ...args],
    { env, encoding: 'utf8' },
  );
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as Record<string, unknown>;
}

/** Signs in on the restored copy and opens a patient's record. */
async function usable(database: TestDatabase, port: number, patientId: string) {
  const server = startServer(database, port);
  try {
    await server.ready;
    const cookie = await signIn(server.base, dana.email, dana.password);
    const res = await fetch(`${server.base}/patients/${patientId}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(DEMO_PATIENT_LINK.patientName);
  } finally {
    await server.stop();
  }
}

const mariaId = `select id from patients where name = '${DEMO_PATIENT_LINK.patientName.replace("'", "''")}'`;

test('PostgreSQL: pg_dump backup, restore into an empty database, every table identical, the app works on it', async () => {
  test.setTimeout(180_000);
  const original = await createTestDatabase();
  const copy = await createTestDatabase();
  const file = path.join(os.tmpdir(), `rollcall-backup-${crypto.randomBytes(4).toString('hex')}.dump`);
  const a = new pg.Client({ connectionString: original.url });
  const b = new pg.Client({ connectionString: copy.url });
  try {
    seedDemo(original);
    const backup = npmScript(original.env, 'backup/db-backup', '--out', file);
    const restored = npmScript(copy.env, 'backup/db-restore', file);
    expect(restored.rows).toBe(backup.rows);
    await Promise.all([a.connect(), b.connect()]);
    const [before, after] = await Promise.all([snapshot(a, NOTHING_EXCLUDED), snapshot(b, NOTHING_EXCLUDED)]);
    expect(changes(before, after)).toEqual([]);
    expect(checksums(after)).toEqual(checksums(before));
    // A second restore into the now full database is refused and changes nothing.
    const again = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/backup/db-restore.ts', file],
      { env: copy.env, encoding: 'utf8' },
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('restore into an empty database');
    const { rows } = await b.query<{ id: string }>(mariaId);
    await usable(copy, 3408, rows[0]!.id);
    // The restored audit trail verifies, with the rows the copy's server appended to it since.
    expect(npmScript(copy.env, 'audit-verify')).toMatchObject({ ok: true, broken: [] });
  } finally {
    await Promise.all([a.end().catch(() => {}), b.end().catch(() => {})]);
    fs.rmSync(file, { force: true });
    await Promise.all([original.drop(), copy.drop()]);
  }
});

test('embedded database: data-folder backup, restore into an empty folder, every table identical, the app works on it', async () => {
  test.setTimeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rollcall-pglite-'));
  const embedded = (folder: string): TestDatabase => {
    const { DATABASE_URL: _none, ...env } = process.env;
    return {
      url: '',
      env: {
        ...env,
        PGLITE_DIR: path.join(dir, folder),
        LOG_LEVEL: 'warn',
        AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      },
      drop: async () => {},
    };
  };
  const original = embedded('original');
  const copy = embedded('copy');
  const file = path.join(dir, 'backup.tar.gz');
  try {
    seedDemo(original);
    const backup = npmScript(original.env, 'backup/db-backup', '--out', file);
    const restored = npmScript(copy.env, 'backup/db-restore', file);
    expect(restored.rows).toBe(backup.rows);
    let patientId: string;
    const a = new PGlite(original.env.PGLITE_DIR);
    const b = new PGlite(copy.env.PGLITE_DIR);
    try {
      const [before, after] = [await snapshot(a, NOTHING_EXCLUDED), await snapshot(b, NOTHING_EXCLUDED)];
      expect(changes(before, after)).toEqual([]);
      expect(checksums(after)).toEqual(checksums(before));
      patientId = (await b.query<{ id: string }>(mariaId)).rows[0]!.id;
    } finally {
      await a.close();
      await b.close();
    }
    await usable(copy, 3409, patientId);
    expect(npmScript(copy.env, 'audit-verify')).toMatchObject({ ok: true, broken: [] });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
