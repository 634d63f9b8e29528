import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import pg from 'pg';

// The matrix needs to read every table before and after each call while the server runs, so it
// runs the production server on a PostgreSQL database of its own, seeded with the demo clinics.
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type MatrixServer = { base: string; client: pg.Client; stop: () => Promise<void> };

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startMatrixServer(port: number): Promise<MatrixServer> {
  const name = `rollcall_e2e_matrix_${crypto.randomBytes(4).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${name}` }).toString();
  await admin(`create database ${name}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
  };
  const seeded = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/seed/run.ts', '--demo'],
    { env, encoding: 'utf8' },
  );
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
  const server: ChildProcess = spawn(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts', '--no-build'],
    {
      env: { ...env, PORT: String(port), WEB_CONCURRENCY: '1', NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const status = (await fetch(`${base}/api/health`).catch(() => null))?.status;
    if (status === 200) break;
    if (i > 180 || server.exitCode !== null) throw new Error('the matrix server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    base,
    client,
    stop: async () => {
      await client.end();
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
