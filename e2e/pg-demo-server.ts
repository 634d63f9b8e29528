import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import pg from 'pg';

// Production servers on a PostgreSQL database of their own, for specs that read the database
// while the server runs (the isolation matrix), stop the server themselves (graceful shutdown) or
// run two servers on one database.
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export type TestDatabase = { url: string; env: NodeJS.ProcessEnv; drop: () => Promise<void> };

/** An empty database, and the environment a server or script needs to use it (one shared key). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `rollcall_e2e_db_${crypto.randomBytes(4).toString('hex')}`;
  const url = Object.assign(new URL(SERVER_URL), { pathname: `/${name}` }).toString();
  await admin(`create database ${name}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    LOG_LEVEL: 'warn',
    AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
  };
  return { url, env, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** The demo clinics (migrating first if need be). */
export function seedDemo(database: TestDatabase) {
  const seeded = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/seed/run.ts', '--demo'],
    { env: database.env, encoding: 'utf8' },
  );
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
}

export type RunningServer = {
  base: string;
  child: ChildProcess;
  /** The server's exit code, once it has exited. */
  exited: Promise<number | null>;
  /** Resolves once /api/health answers 200. */
  ready: Promise<void>;
  stop: () => Promise<void>;
};

/**
 * The production server on `port`: scripts/server.ts, as `npm run serve` runs it with one process
 * (without the start script in between, so a signal reaches the server itself and nothing is left
 * running if the test dies).
 */
export function startServer(database: TestDatabase, port: number): RunningServer {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    env: { ...database.env, PORT: String(port), NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = (async () => {
    // A server left over on this port would answer for ours.
    if (await fetch(`${base}/api/health`).catch(() => null)) {
      child.kill('SIGKILL');
      throw new Error(`port ${port} is already taken`);
    }
    for (let i = 0; ; i++) {
      const status = (await fetch(`${base}/api/health`).catch(() => null))?.status;
      if (status === 200) return;
      if (i > 180 || child.exitCode !== null) throw new Error(`the server on ${port} did not start`);
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  return {
    base,
    child,
    exited,
    ready,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export type DemoServer = RunningServer & { client: pg.Client; stop: () => Promise<void> };

/** One server on a fresh database seeded with the demo clinics, and a client to read it. */
export async function startDemoServer(port: number): Promise<DemoServer> {
  const database = await createTestDatabase();
  seedDemo(database);
  const server = startServer(database, port);
  await server.ready;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    ...server,
    client,
    stop: async () => {
      await client.end();
      await server.stop();
      await database.drop();
    },
  };
}
