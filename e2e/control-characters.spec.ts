import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import type { APIRequestContext } from '@playwright/test';
import pg from 'pg';
import { DEMO_PATIENT_LINK } from '../scripts/seed/demo-accounts';
import { callAction, serverAction } from './action-client';
import { demoAdmin, expect, test } from './fixtures';

// NUL, ANSI escapes and other control characters in every kind of text input: each is refused
// with a field message or a 4xx, never a 500, and nothing submitted reaches the server's log.
// The spec owns its server (PostgreSQL, its own database, the demo seed) so it can read
// everything the server writes to stdout and stderr, and make one write fail in the database.
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// Beside the suite's own server, in the range of ports given to this run.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
const BASE = `http://127.0.0.1:${PORT}`;

const run = crypto.randomBytes(4).toString('hex');
const markers: string[] = [];
/** A unique word that must never show in the server's output. */
const mark = (field: string) => {
  const m = `mk${run}${field}`;
  markers.push(m);
  return m;
};
const NUL = '\u0000';
const ANSI = (m: string) => `\u001b[31m${m}\u001b[0m\u001b]0;${m}\u0007`;
const C1 = '\u009b';
const refusedMessage = /can't be saved/;

test.describe('control characters in text inputs', () => {
  test.describe.configure({ mode: 'serial' });

  const name = `rollcall_e2e_control_${run}`;
  const databaseUrl = Object.assign(new URL(SERVER_URL), { pathname: `/${name}` }).toString();
  let server: ChildProcess | null = null;
  let output = '';
  let staff: APIRequestContext;

  const sql = async (query: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return await client.query(query);
    } finally {
      await client.end();
    }
  };

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(120_000);
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: crypto.randomBytes(32).toString('base64url'),
      // Everything the server says, so a leak at any level shows.
      LOG_LEVEL: 'debug',
    };
    const seed = spawnSync(
      process.execPath,
      ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/seed/run.ts', '--demo'],
      { env, encoding: 'utf8' },
    );
    expect(seed.status, seed.stderr).toBe(0);
    server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts', '--no-build'], {
      env: { ...env, PORT: String(PORT), NODE_ENV: 'production', TRUST_PROXY: 'false' },
    });
    server.stdout?.on('data', (chunk) => (output += chunk));
    server.stderr?.on('data', (chunk) => (output += chunk));
    await expect
      .poll(async () => (await fetch(`${BASE}/api/health`).catch(() => null))?.status ?? 0, { timeout: 90_000 })
      .toBe(200);

    staff = await playwright.request.newContext({ baseURL: BASE, maxRedirects: 0 });
    const { csrfToken } = (await (await staff.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const signedIn = await staff.post('/api/auth/callback/credentials', {
      form: { csrfToken, email: demoAdmin.email, password: demoAdmin.password, callbackUrl: `${BASE}/dashboard` },
    });
    expect(signedIn.status()).toBe(302);
    const cookies = (await staff.storageState()).cookies;
    expect(cookies.some((c) => c.name === 'authjs.session-token')).toBe(true);
  });

  test.afterAll(async () => {
    await staff?.dispose();
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

  test('sign-in with a NUL in the email is refused, by the form and by Auth.js', async ({ playwright }) => {
    const visitor = await playwright.request.newContext({ baseURL: BASE, maxRedirects: 0 });
    const email = `dana${NUL}${mark('loginemail')}@harbour.example.com`;
    const form = await callAction(visitor, serverAction('authenticate'), { email, password: 'not-the-password' });
    expect(form.status).toBe(200);
    expect(form.state?.status).toBe('invalid');
    expect(form.state?.fieldErrors?.email?.[0]).toBeTruthy();

    const { csrfToken } = (await (await visitor.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const callback = await visitor.post('/api/auth/callback/credentials', {
      form: { csrfToken, email, password: `${ANSI(mark('loginpassword'))}` },
    });
    expect(callback.status()).toBe(302);
    expect(callback.headers().location).toContain('error=CredentialsSignin');
    await visitor.dispose();
  });

  test('a new patient with NUL, ANSI and C1 characters gets a message per field', async () => {
    const answer = await callAction(staff, serverAction('createPatientAction'), {
      name: `Ana${NUL}${mark('patientname')}`,
      email: `${mark('patientemail')}${C1}@example.com`,
      phone: `555${NUL}0100`,
      timezone: 'Europe/London',
      notes: `Line one\r\nLine two\t${ANSI(mark('patientnotes'))}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.state?.status).toBe('invalid');
    expect(answer.state?.fieldErrors?.name?.[0]).toMatch(refusedMessage);
    expect(answer.state?.fieldErrors?.notes?.[0]).toMatch(refusedMessage);
    expect(answer.state?.fieldErrors?.phone?.[0]).toBeTruthy();
    expect(answer.state?.fieldErrors?.email?.[0]).toBeTruthy();
    const count = await sql(`select count(*)::int as n from patients where name like 'Ana%${run}%'`);
    expect(count.rows[0].n).toBe(0);
  });

  test('line breaks and tabs stay allowed where a field is multiline', async () => {
    const answer = await callAction(staff, serverAction('createPatientAction'), {
      name: `Ana Multiline ${run}`,
      timezone: 'Europe/London',
      notes: 'Line one\r\nLine two\tindented',
    });
    expect(answer.status).toBe(200);
    expect(answer.redirect).toMatch(/^\/patients\/[0-9a-f-]{36}\?created=1$/);
    const rows = await sql(`select notes from patients where name = 'Ana Multiline ${run}'`);
    expect(rows.rows[0].notes).toBe('Line one\r\nLine two\tindented');
  });

  test('roster and directory searches with control characters render the page', async () => {
    const nul = encodeURIComponent(`${NUL}${mark('rosterq')}`);
    for (const path of [
      `/patients?q=${nul}`,
      `/patients?q=${encodeURIComponent(ANSI(mark('rosterq2')))}&status=all`,
      `/directory?q=${encodeURIComponent(`${NUL}${mark('directoryq')}`)}`,
      `/directory?language=${encodeURIComponent(`${NUL}${mark('directorylang')}`)}&tag=${encodeURIComponent(`${C1}${mark('directorytag')}`)}`,
    ]) {
      const res = await staff.get(path);
      expect(res.status(), path).toBe(200);
    }
  });

  test('a provider and a CSV import with control characters are refused row by row', async () => {
    const added = await callAction(staff, serverAction('addProviderAction'), {
      name: `Dr ${NUL}${mark('providername')}`,
      discipline: 'physician',
      internalNotes: ANSI(mark('providernotes')),
      acceptingNewPatients: 'yes',
    });
    expect(added.status).toBe(200);
    expect(added.state?.status).toBe('invalid');
    expect(added.state?.fieldErrors?.name?.[0]).toMatch(refusedMessage);
    expect(added.state?.fieldErrors?.internalNotes?.[0]).toMatch(refusedMessage);

    const csv = [
      'name,discipline,organisation,internal_notes',
      `Dr ${ANSI(mark('csvname'))},physician,,`,
      `Dr Plain ${run},physician,Org${C1}${mark('csvorg')},`,
      `Dr Fine ${run},physician,,"two\nlines"`,
    ].join('\r\n');
    const file = new File([csv], 'providers.csv', { type: 'text/csv' });
    const preview = await callAction(staff, serverAction('previewImportAction'), { file });
    expect(preview.status).toBe(200);
    expect(preview.state?.status).toBe('ok');
    const { reject, add } = (
      preview.state as unknown as { preview: { reject: { row: number; messages: string[] }[]; add: unknown[] } }
    ).preview;
    expect(reject.map((r) => r.row)).toEqual([2, 3]);
    expect(reject[0]!.messages.join(' ')).toMatch(refusedMessage);
    expect(add).toHaveLength(1);
  });

  test('the phone’s log note with a NUL is a 400, with a real link or a made-up one', async ({ playwright }) => {
    const log = (note: string) => ({
      idempotencyKey: crypto.randomUUID(),
      performedAt: new Date().toISOString(),
      itemsDone: [],
      painBefore: 2,
      painAfter: 8,
      note,
    });
    const fake = await playwright.request.newContext({
      baseURL: BASE,
      extraHTTPHeaders: { cookie: `rc_patient=${crypto.randomBytes(32).toString('base64url')}` },
    });
    const forged = await fake.post('/p/log', { data: log(`${NUL}${mark('fakelognote')}`) });
    expect(forged.status()).toBe(400);
    await fake.dispose();

    const phone = await playwright.request.newContext({ baseURL: BASE, maxRedirects: 0 });
    expect((await phone.get(`/p/${DEMO_PATIENT_LINK.token}`)).status()).toBe(303);
    const before = await sql('select count(*)::int as n from session_logs');
    const res = await phone.post('/p/log', { data: log(`Felt fine${NUL}${ANSI(mark('lognote'))}`) });
    expect(res.status()).toBe(400);
    const body = (await res.json()) as { fieldErrors?: Record<string, string[]> };
    expect(body.fieldErrors?.note?.[0]).toMatch(refusedMessage);
    expect((await sql('select count(*)::int as n from session_logs')).rows[0].n).toBe(before.rows[0].n);
    await phone.dispose();
  });

  test('a write the database refuses is a 500 whose log line carries no submitted text', async () => {
    // Every input above is refused before the database; this one is made to fail inside it, the
    // way a future bug would, with the patient's name, email and notes among the SQL parameters.
    await sql(
      `alter table patients add constraint e2e_forced_failure check (position('FORCE500' in coalesce(notes, '')) = 0)`,
    );
    try {
      const answer = await callAction(staff, serverAction('createPatientAction'), {
        name: `Forced ${mark('forcedname')}`,
        email: `${mark('forcedemail')}@example.com`,
        timezone: 'Europe/London',
        notes: `FORCE500 ${mark('forcednotes')}`,
      });
      expect(answer.status).toBe(500);
      for (const m of markers) expect(answer.text).not.toContain(m);
    } finally {
      await sql('alter table patients drop constraint e2e_forced_failure');
    }
  });

  test('the server’s output holds none of what was submitted, and names the failure by its code', async () => {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server!.kill('SIGTERM');
    await exited;
    for (const m of markers) expect(output, `marker ${m}`).not.toContain(m);
    expect(output).not.toContain(demoAdmin.email);
    // The forced failure: one line from the onRequestError hook, with the check's SQLSTATE.
    const failures = output.split('\n').filter((l) => l.includes('"event":"request_failed"'));
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures.join('\n')).toContain('23514');
  });
});
