import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseInUseError, type DbHandle, openDatabase } from './client';
import { syncCounter } from './pglite-durable';

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

  it('takes over a lock whose pid now belongs to another process (a pid reused after a kill)', async () => {
    const dir = tmpDataDir();
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    const stranger = spawn('sleep', ['30']);
    try {
      const boot = fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
      fs.writeFileSync(
        `${path.resolve(dir)}.lock`,
        JSON.stringify({ pid: stranger.pid, host: os.hostname(), started: '1', boot }),
      );
      const handle = openDatabase({ databaseUrl: '', pgliteDir: dir });
      opened.push(handle);
      await expect(embedded(handle).query('select 1 as one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
    } finally {
      stranger.kill('SIGKILL');
    }
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

describe('the embedded database is durable', () => {
  it('syncs each commit to disk before it returns', async () => {
    const handle = openDatabase({ databaseUrl: '', pgliteDir: tmpDataDir() });
    opened.push(handle);
    const client = embedded(handle);
    await client.exec('create table t (n int)');
    expect((await client.query<{ fsync: string }>('show fsync')).rows[0]?.fsync).toBe('on');
    const before = syncCounter.calls;
    for (let n = 0; n < 20; n++) await client.query('insert into t values ($1)', [n]);
    expect(syncCounter.calls - before).toBeGreaterThanOrEqual(20);
  });

  it('keeps every acknowledged write when its process is killed with SIGKILL, and reopens', async () => {
    const dir = tmpDataDir();
    // A writer in its own process prints each row's number once its insert has returned.
    const writer = spawn(
      process.execPath,
      [
        // tsx's loader in this process (its CLI would run the code in a child the kill misses).
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `import { openDatabase } from './db/client.ts';
         const handle = openDatabase({ databaseUrl: '', pgliteDir: ${JSON.stringify(dir)} });
         const db = handle.client;
         void (async () => {
           await db.exec('create table t (n int primary key)');
           for (let n = 0; ; n++) { await db.query('insert into t values ($1)', [n]); console.log(n); }
         })();`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let acknowledged = -1;
    await new Promise<void>((resolve, reject) => {
      writer.stdout.setEncoding('utf8');
      writer.stdout.on('data', (chunk: string) => {
        for (const line of chunk.split('\n')) if (/^\d+$/.test(line)) acknowledged = Number(line);
        if (acknowledged >= 300) {
          writer.kill('SIGKILL');
          resolve();
        }
      });
      writer.once('exit', () => reject(new Error('the writer stopped by itself')));
    });
    await new Promise((resolve) => writer.once('exit', resolve));
    // The lock file of the killed process is still there; the next opening takes it over.
    expect(fs.existsSync(`${path.resolve(dir)}.lock`)).toBe(true);
    const handle = openDatabase({ databaseUrl: '', pgliteDir: dir });
    opened.push(handle);
    const { rows } = await embedded(handle).query<{ n: number; max: number }>(
      'select count(*)::int as n, max(n) as max from t',
    );
    expect(rows[0]!.max).toBeGreaterThanOrEqual(acknowledged);
    expect(rows[0]!.n).toBe(rows[0]!.max + 1);
  }, 60_000);
});
