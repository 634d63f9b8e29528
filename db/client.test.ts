import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, type DbHandle, openDatabase } from './client';

const opened: DbHandle[] = [];
const tmpDirs: string[] = [];

function tmpDataDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rollcall-lock-'));
  tmpDirs.push(dir);
  return path.join(dir, 'pglite');
}

function embedded(handle: DbHandle) {
  if (handle.kind !== 'pglite') throw new Error('expected the embedded database');
  return handle.client;
}

afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
  for (const d of tmpDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('the embedded database folder has one owner at a time', () => {
  it('refuses a second opening of the same folder with a clear message', async () => {
    const dir = tmpDataDir();
    const first = openDatabase({ databaseUrl: '', pgliteDir: dir });
    opened.push(first);
    expect(() => openDatabase({ databaseUrl: '', pgliteDir: dir })).toThrowError(DatabaseInUseError);
    expect(() => openDatabase({ databaseUrl: '', pgliteDir: dir })).toThrowError(/already open in process \d+/);
  });

  it('makes another process fail at once instead of sharing the folder', async () => {
    const dir = tmpDataDir();
    const first = openDatabase({ databaseUrl: '', pgliteDir: dir });
    opened.push(first);
    await embedded(first).waitReady;
    const started = Date.now();
    const other = spawnSync(
      process.execPath,
      [path.resolve('node_modules/tsx/dist/cli.mjs'), '--conditions=react-server', 'scripts/migrate.ts'],
      { env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: dir }, encoding: 'utf8', timeout: 60_000 },
    );
    expect(other.status).toBe(1);
    expect(other.stderr).toMatch(/already open in process/);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('takes over a lock left behind by a process that died', async () => {
    const dir = tmpDataDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.writeFileSync(`${path.resolve(dir)}.lock`, JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname() }));
    const handle = openDatabase({ databaseUrl: '', pgliteDir: dir });
    opened.push(handle);
    await expect(embedded(handle).query('select 1 as one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });

  it('releases the folder on close so the next process can open it', async () => {
    const dir = tmpDataDir();
    const first = openDatabase({ databaseUrl: '', pgliteDir: dir });
    await first.close();
    const second = openDatabase({ databaseUrl: '', pgliteDir: dir });
    opened.push(second);
    await expect(embedded(second).query('select 1 as one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
  });
});
