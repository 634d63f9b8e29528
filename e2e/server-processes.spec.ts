import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import pg from 'pg';
import { expect, test } from './fixtures';

// `npm run serve` with PostgreSQL runs one server process per core (scripts/start.ts). A session
// signed by one process must be accepted by every other, whichever one a connection lands on.
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PORT = 3402;
const BASE = `http://127.0.0.1:${PORT}`;

test.describe('several server processes on PostgreSQL', () => {
  const name = `rollcall_e2e_processes_${crypto.randomBytes(4).toString('hex')}`;
  const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${name}` }).toString();
  const admin = {
    email: `admin-${crypto.randomBytes(3).toString('hex')}@processes.example.com`,
    password: `processes-${crypto.randomBytes(6).toString('hex')}`,
  };
  let server: ChildProcess | null = null;
  let output = '';

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    await client.query(`create database ${name}`);
    await client.end();
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
    const admin_ = spawnSync(
      process.execPath,
      [
        'node_modules/tsx/dist/cli.mjs',
        '--conditions=react-server',
        'scripts/create-admin.ts',
        '--clinic',
        'Processes Physio',
        '--timezone',
        'Europe/London',
        '--name',
        'Ada Process',
        '--email',
        admin.email,
        '--password',
        admin.password,
        '--discipline',
        'physical_therapist',
      ],
      { env, encoding: 'utf8' },
    );
    expect(admin_.status, admin_.stderr).toBe(0);
    // No AUTH_SECRET: the start script settles one key before starting the processes.
    const { AUTH_SECRET: _unset, ...withoutSecret } = env;
    server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts', '--no-build'], {
      env: { ...withoutSecret, PORT: String(PORT), WEB_CONCURRENCY: '2', NODE_ENV: 'production', TRUST_PROXY: 'false' },
    });
    server.stdout?.on('data', (chunk) => (output += chunk));
    server.stderr?.on('data', (chunk) => (output += chunk));
    await expect
      .poll(async () => (await fetch(`${BASE}/api/health`).catch(() => null))?.status ?? 0, { timeout: 90_000 })
      .toBe(200);
  });

  test.afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  });

  test('start two processes, and a session from one is good on fresh connections to either', async ({ playwright }) => {
    expect(output).toContain('Starting 2 server processes');
    const signing = await playwright.request.newContext({ baseURL: BASE, maxRedirects: 0 });
    const { csrfToken } = (await (await signing.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const signedIn = await signing.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: admin.email, password: admin.password, callbackUrl: `${BASE}/dashboard` },
    });
    expect(signedIn.status()).toBe(302);
    const session = (await signing.storageState()).cookies.find((c) => c.name === 'authjs.session-token');
    expect(session).toBeDefined();
    await signing.dispose();

    // Each context opens its own connection; the cluster hands new connections to the processes in turn.
    for (let i = 0; i < 6; i++) {
      const visit = await playwright.request.newContext({
        baseURL: BASE,
        maxRedirects: 0,
        extraHTTPHeaders: { cookie: `authjs.session-token=${session!.value}` },
      });
      const res = await visit.get('/dashboard');
      expect(res.status(), `visit ${i + 1}`).toBe(200);
      expect(await res.text()).toContain('Welcome, Ada');
      await visit.dispose();
    }
  });

  test('a client cannot pick its own address with X-Forwarded-For', async ({ playwright }) => {
    // The server above runs with TRUST_PROXY unset: the address is the connection's, so rotating
    // the header (which used to count each guess against a new address) no longer escapes the
    // limit of 30 unknown links a minute. Every request here comes from 127.0.0.1.
    const api = await playwright.request.newContext({ baseURL: BASE, maxRedirects: 0 });
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await api.get(`/p/${crypto.randomBytes(32).toString('base64url')}`, {
        headers: { 'X-Forwarded-For': `203.0.113.${i + 1}`, 'X-Real-IP': `198.51.100.${i + 1}` },
      });
      statuses.push(res.status());
    }
    expect(statuses.slice(0, 30).every((s) => s === 303)).toBe(true);
    expect(statuses[30]).toBe(429);
    await api.dispose();
  });
});
