// npm run db:restore -- <file> — restores a backup from `npm run db:backup` into DATABASE_URL, or
// into the embedded database's folder (PGLITE_DIR). The target must be empty: a restore never
// mixes with, or silently replaces, data that is there. Prints one JSON object.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { closeDb, dbHandle } from '@/db/client';
import { env } from '@/db/env';
import { tableCounts, totalRows } from './tables';

const { positionals } = parseArgs({ allowPositionals: true });
const file = positionals[0];
const config = env();

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!file || !fs.existsSync(file)) fail('Usage: npm run db:restore -- <backup file from npm run db:backup>');

try {
  if (config.DATABASE_URL) {
    const handle = dbHandle();
    const existing = Object.keys(await tableCounts(handle)).length;
    if (existing > 0)
      fail(`The database at ${handle.location} already has ${existing} tables: restore into an empty database.`);
    const restore = spawnSync(
      'pg_restore',
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        '--dbname',
        config.DATABASE_URL,
        file,
      ],
      { encoding: 'utf8' },
    );
    if (restore.status !== 0) fail(`pg_restore failed (nothing was restored): ${restore.stderr.trim()}`);
  } else {
    const dir = path.resolve(config.PGLITE_DIR);
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0)
      fail(`${dir} is not empty: move it aside, or point PGLITE_DIR at an empty folder, then restore.`);
    fs.mkdirSync(dir, { recursive: true });
    const restored = new PGlite(dir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
    await restored.waitReady;
    await restored.close();
  }
  const counts = await tableCounts(dbHandle());
  console.log(
    JSON.stringify({
      database: config.DATABASE_URL ? 'postgres' : 'pglite',
      file: path.resolve(file),
      tables: counts,
      rows: totalRows(counts),
    }),
  );
} catch (error) {
  fail(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await closeDb();
}
