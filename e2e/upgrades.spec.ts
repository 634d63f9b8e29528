import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type DbHandle, openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { readJournal } from '../testing/migration-steps';
import { exec, fixture, load, migrateTo, schema, state } from '../testing/upgrade-db';
import { createTestDatabase } from './pg-demo-server';

// Issue 17 item 6: a server whose database cannot be upgraded refuses to start, says why, never
// listens, and leaves the database as it was: a pending migration that fails (0014 meets a table
// of that name already there), or a database migrated by a newer build. No browser needed.
const PORTS = { pgFailing: 3661, pgAhead: 3662, pgliteFailing: 3663, pgliteAhead: 3664 };
const journal = readJournal();
const LATEST = journal.entries.at(-1)!;

type Refusal = { code: number | null; stderr: string; listened: boolean; ms: number };

/** The production server (scripts/server.ts, as `npm run serve` runs it) until it exits; was its port ever open? */
async function startExpectingRefusal(env: NodeJS.ProcessEnv, port: number): Promise<Refusal> {
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    env: { ...env, PORT: String(port), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let listened = false;
  let done = false;
  const probe = (async () => {
    while (!done) {
      listened ||= await new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await exited;
  clearTimeout(timeout);
  done = true;
  await probe;
  return { code, stderr, listened, ms: Date.now() - started };
}

/** The database at step 13 with that step's data, then `prepare` makes it unfit; its schema and rows as they are then. */
async function prepare(handle: DbHandle, latest: boolean, tamper: string) {
  await migrateTo(handle, 13);
  await load(handle, fixture(13));
  if (latest) await migrateDatabase(handle);
  await exec(handle, tamper);
  return { schema: await schema(handle), rows: await state(handle) };
}

const CONFLICT = 'create table audit_chain_heads (chain text)';
const NEWER = `insert into drizzle.__drizzle_migrations (hash, created_at) values ('${'e'.repeat(64)}', ${LATEST.when + 86_400_000})`;

const cases = [
  {
    name: 'a pending migration that fails',
    latest: false,
    tamper: CONFLICT,
    says: [
      /RollCall could not start: migration 0014_audit_trail failed/,
      /already exists \(SQLSTATE 42P07\)/,
      /still at 0013_/,
      /restore the backup/,
    ],
  },
  {
    name: 'a database migrated by a newer version',
    latest: true,
    tamper: NEWER,
    says: [
      /RollCall could not start: This database was migrated by a newer version of RollCall/,
      new RegExp(`up to ${LATEST.tag}\\b`),
      /Run the newer version or restore a backup/,
    ],
  },
];

for (const [i, c] of cases.entries()) {
  test(`PostgreSQL, ${c.name}: the server exits non-zero, says why, never listens, changes nothing`, async () => {
    test.setTimeout(120_000);
    const database = await createTestDatabase();
    const handle = openDatabase({ databaseUrl: database.url });
    try {
      const before = await prepare(handle, c.latest, c.tamper);
      const refusal = await startExpectingRefusal(database.env, i === 0 ? PORTS.pgFailing : PORTS.pgAhead);
      console.log(`[upgrades] PostgreSQL, ${c.name}: exit ${refusal.code} after ${refusal.ms} ms`);
      expect(refusal.code).not.toBe(0);
      expect(refusal.code).not.toBeNull();
      for (const says of c.says) expect(refusal.stderr).toMatch(says);
      expect(refusal.listened).toBe(false);
      expect(await schema(handle)).toEqual(before.schema);
      expect(await state(handle)).toEqual(before.rows);
    } finally {
      await handle.close();
      await database.drop();
    }
  });

  test(`the embedded database, ${c.name}: the server exits non-zero, says why, never listens, changes nothing`, async () => {
    test.setTimeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rollcall-upgrade-e2e-'));
    const pgliteDir = path.join(dir, 'pglite');
    try {
      let handle = openDatabase({ databaseUrl: '', pgliteDir });
      const before = await prepare(handle, c.latest, c.tamper).finally(() => handle.close());
      const env = {
        ...process.env,
        DATABASE_URL: '',
        PGLITE_DIR: pgliteDir,
        LOG_LEVEL: 'warn',
        AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      };
      const refusal = await startExpectingRefusal(env, i === 0 ? PORTS.pgliteFailing : PORTS.pgliteAhead);
      console.log(`[upgrades] PGlite, ${c.name}: exit ${refusal.code} after ${refusal.ms} ms`);
      expect(refusal.code).not.toBe(0);
      expect(refusal.code).not.toBeNull();
      for (const says of c.says) expect(refusal.stderr).toMatch(says);
      expect(refusal.listened).toBe(false);
      handle = openDatabase({ databaseUrl: '', pgliteDir });
      try {
        expect(await schema(handle)).toEqual(before.schema);
        expect(await state(handle)).toEqual(before.rows);
      } finally {
        await handle.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
