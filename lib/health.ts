import 'server-only';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type Database, db, rowsOf } from '@/db/client';
import { isStopping } from '@/lib/http/shutdown';

/** True after a real round trip to the database within `timeoutMs`. */
export async function databaseIsReachable(timeoutMs = 3000, database: Database = db()): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      database.execute(sql`select 1`),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export type MigrationState = { state: 'current' | 'pending' | 'ahead'; applied: number; known: number };

const DEFAULT_MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');

/** The migrations this build ships (drizzle-kit's journal), by creation time. */
function knownMigrations(folder: string): number[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return journal.entries.map((e) => e.when);
}

/**
 * Whether the database has exactly the migrations this build ships: `pending` while an older
 * schema waits for them, `ahead` when a newer build migrated it (this one may not understand it).
 */
export async function migrationState(database: Database = db(), folder = DEFAULT_MIGRATIONS): Promise<MigrationState> {
  const known = knownMigrations(folder);
  const rows = rowsOf<{ created_at: string }>(
    await database.execute(sql`select created_at::text as created_at from drizzle.__drizzle_migrations`),
  );
  const applied = new Set(rows.map((r) => Number(r.created_at)));
  const missing = known.filter((when) => !applied.has(when)).length;
  const extra = [...applied].filter((when) => !known.includes(when)).length;
  return {
    state: extra > 0 ? 'ahead' : missing > 0 ? 'pending' : 'current',
    applied: applied.size,
    known: known.length,
  };
}

const PROBE_KEY = 'health:write-probe';

/** A real, logged write (one row of the rate-limit table, which sweeps itself): false if refused. */
export async function databaseIsWritable(database: Pick<Database, 'execute'> = db()): Promise<boolean> {
  try {
    await database.execute(
      sql`insert into rate_limits (key, points, expire) values (${PROBE_KEY}, 0, now() + interval '1 minute')
          on conflict (key) do update set expire = excluded.expire`,
    );
    return true;
  } catch {
    return false;
  }
}

export type HealthReport = {
  status: 'ok' | 'unavailable' | 'stopping';
  database: 'ok' | 'unreachable';
  writable: boolean | null;
  migrations: MigrationState['state'] | null;
};

// The write and the migration count change rarely and cost a write each: a load balancer polling
// every second (or a benchmark's thousands a second) reuses the last answer for up to 5 s. The
// round trip above and the shutdown flag are checked every time.
const SLOW_CHECKS_TTL_MS = 5_000;
let slowChecks: { at: number; writable: boolean; migrations: MigrationState['state'] } | null = null;

export async function healthReport(database: Database = db(), fresh = false): Promise<HealthReport> {
  if (isStopping()) return { status: 'stopping', database: 'ok', writable: null, migrations: null };
  if (!(await databaseIsReachable(3000, database)))
    return { status: 'unavailable', database: 'unreachable', writable: null, migrations: null };
  const now = performance.now();
  if (fresh || !slowChecks || now - slowChecks.at > SLOW_CHECKS_TTL_MS) {
    const [writable, migrations] = await Promise.all([databaseIsWritable(database), migrationState(database)]);
    slowChecks = { at: now, writable, migrations: migrations.state };
  }
  const { writable, migrations } = slowChecks;
  return { status: writable && migrations === 'current' ? 'ok' : 'unavailable', database: 'ok', writable, migrations };
}
