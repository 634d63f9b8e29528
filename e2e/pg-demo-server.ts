import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import pg from 'pg';

// The production server on a PostgreSQL database of its own, seeded with the demo clinics, for
// specs that read the database while the server runs (the isolation matrix) or stop the server
// themselves (graceful shutdown).
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type DemoServer = {
  base: string;
  client: pg.Client;
  child: ChildProcess;
  /** The server's exit code, once it has exited. */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startDemoServer(port: number): Promise<DemoServer> {
  const name = `rollcall_e2e_demo_${crypto.randomBytes(4).toString('hex')}`;
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
  const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const status = (await fetch(`${base}/api/health`).catch(() => null))?.status;
    if (status === 200) break;
    if (i > 180 || server.exitCode !== null) throw new Error('the demo server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    base,
    client,
    child: server,
    exited,
    stop: async () => {
      await client.end();
      if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
      await exited;
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}
