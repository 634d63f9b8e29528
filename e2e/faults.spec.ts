import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

// Issue 17 items 1 and 2, reduced for CI: `npm run test:faults` with 8 clients × 12 logs, on its
// own throwaway PostgreSQL cluster (one server SIGKILL, one `pg_ctl -m immediate`) and on a
// PGlite data folder (two server SIGKILLs). The full run (32 clients × 24) is run by hand.
test('no acknowledged session log is lost or stored twice when the server or the database is killed', async () => {
  test.setTimeout(300_000);
  const run = spawnSync(
    process.execPath,
    [
      'node_modules/tsx/dist/cli.mjs',
      '--conditions=react-server',
      'scripts/faults/run.ts',
      '--db',
      'both',
      '--clients',
      '8',
      '--logs',
      '12',
      '--server-kills',
      '1',
      '--db-crashes',
      '1',
    ],
    { encoding: 'utf8', timeout: 280_000 },
  );
  expect(run.status, run.stderr).toBe(0);
  const results = JSON.parse(run.stdout) as Record<string, Record<string, unknown> & { faults: unknown[] }>;
  for (const [kind, kills] of [
    ['postgres', 2],
    ['pglite', 1],
  ] as const) {
    const r = results[kind]!;
    expect(r.faults, kind).toHaveLength(kills);
    expect(r).toMatchObject({ sent: 96, acknowledged: 96, stored: 96, duplicates: 0, lost: 0, halfWritten: 0 });
    expect(r.replayedAsDuplicate).toBe(r.replayed);
  }
});
