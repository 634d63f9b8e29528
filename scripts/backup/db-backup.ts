// npm run db:backup [-- --out <file>] — a backup of DATABASE_URL (pg_dump's custom format), or of
// the embedded database's data folder (PGlite's own dump, a .tar.gz). Prints one JSON object.
// The embedded database can be open in one process only: stop the server first (it says so).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDb, dbHandle } from '@/db/client';
import { env } from '@/db/env';
import { fileStamp } from '@/lib/dates';
import { tableCounts, totalRows } from './tables';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = env();
const kind = config.DATABASE_URL ? 'postgres' : 'pglite';
const out = path.resolve(
  values.out ?? `backups/rollcall-${kind}-${fileStamp()}.${kind === 'postgres' ? 'dump' : 'tar.gz'}`,
);
fs.mkdirSync(path.dirname(out), { recursive: true });

try {
  const handle = dbHandle();
  const counts = await tableCounts(handle);
  if (handle.kind === 'postgres') {
    const dump = spawnSync(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', '--file', out, config.DATABASE_URL!],
      {
        encoding: 'utf8',
      },
    );
    if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr.trim() || dump.error?.message}`);
  } else {
    const archive = await handle.client.dumpDataDir('gzip');
    fs.writeFileSync(out, Buffer.from(await archive.arrayBuffer()));
  }
  console.log(
    JSON.stringify({
      database: kind,
      file: out,
      bytes: fs.statSync(out).size,
      tables: counts,
      rows: totalRows(counts),
    }),
  );
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  fs.rmSync(out, { force: true });
  process.exitCode = 1;
} finally {
  await closeDb();
}
