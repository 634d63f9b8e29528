import crypto from 'node:crypto';
import { DEMO_PATIENT_LINK } from '../scripts/seed/demo-accounts';
import { expect, test } from './fixtures';

test.describe('patient routes over HTTP', () => {
  test('unknown tokens from one address are limited to 30 a minute, then 429 with Retry-After', async ({
    playwright,
    baseURL,
  }) => {
    // The e2e server trusts one proxy (e2e/server.ts): the client is the last address in the
    // header. Whatever the client writes before it changes nothing, however it rotates.
    const address = `198.51.100.${crypto.randomInt(1, 254)}`;
    const api = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    for (let i = 0; i < 30; i++) {
      const res = await api.get(`/p/${crypto.randomBytes(32).toString('base64url')}`, {
        headers: { 'X-Forwarded-For': `203.0.113.${i + 1}, ${address}` },
      });
      expect(res.status(), `attempt ${i + 1}`).toBe(303);
      expect(res.headers().location).toBe('/p/inactive');
    }
    const blocked = await api.get(`/p/${crypto.randomBytes(32).toString('base64url')}`, {
      headers: { 'X-Forwarded-For': `203.0.113.99, ${address}` },
    });
    expect(blocked.status()).toBe(429);
    expect(Number(blocked.headers()['retry-after'])).toBeGreaterThan(0);
    await api.dispose();
  });

  test('a malformed address gets the friendly page, never a 500', async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    for (const path of ['/p/%E0%A4%A', '/p/abc%ZZ', '/p/%']) {
      const res = await api.get(path);
      expect(res.status(), path).toBe(303);
      expect(res.headers().location, path).toMatch(/\/p\/inactive$/);
    }
    const other = await api.get('/exercises/%E0%A4%A');
    expect(other.status()).toBe(404);
    expect(await other.text()).toContain('Page not found');
    await api.dispose();
  });

  test('the log endpoint refuses bad requests with a clear message and no write', async ({ playwright, baseURL }) => {
    const api = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    expect((await api.post('/p/log', { data: {} })).status()).toBe(401);
    const open = await api.get(`/p/${DEMO_PATIENT_LINK.token}`);
    expect(open.status()).toBe(303);
    expect(open.headers().location).toBe('/p');
    const form = await api.post('/p/log', { form: { painBefore: '1' } });
    expect(form.status()).toBe(415);
    const broken = await api.post('/p/log', { headers: { 'Content-Type': 'application/json' }, data: '{not json' });
    expect(broken.status()).toBe(400);
    // The proxy skips this route, so the route itself must keep patient answers out of caches and referrers.
    expect(broken.headers()).toMatchObject({
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-robots-tag': 'noindex, nofollow',
    });
    const bad = await api.post('/p/log', {
      data: {
        idempotencyKey: 'nope',
        performedAt: new Date().toISOString(),
        itemsDone: [],
        painBefore: 11,
        painAfter: -1,
        symptoms: ['dizzy'],
        note: 'x'.repeat(2001),
      },
    });
    expect(bad.status()).toBe(400);
    const body = (await bad.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual([
      'idempotencyKey',
      'note',
      'painAfter',
      'painBefore',
      'symptoms',
    ]);
    const future = await api.post('/p/log', {
      data: {
        idempotencyKey: crypto.randomUUID(),
        performedAt: new Date(Date.now() + 86_400_000).toISOString(),
        itemsDone: [crypto.randomUUID()],
        painBefore: 1,
        painAfter: 1,
        symptoms: [],
      },
    });
    expect(future.status()).toBe(400);
    expect(((await future.json()) as { error: string }).error).toMatch(/future/);
    // No exercise done and nothing wrong reported: refused, so it never counts as a session.
    const empty = await api.post('/p/log', {
      data: {
        idempotencyKey: crypto.randomUUID(),
        performedAt: new Date().toISOString(),
        itemsDone: [],
        painBefore: 2,
        painAfter: 2,
      },
    });
    expect(empty.status()).toBe(400);
    expect(((await empty.json()) as { fieldErrors: Record<string, string[]> }).fieldErrors.itemsDone?.[0]).toMatch(
      /Tick at least one exercise/,
    );
    await api.dispose();

    // A well-formed log under a link that opens nothing (unknown here; revoked and expired are
    // checked in lib/patient-portal/record-log.test.ts) is refused as signed out.
    const stranger = await playwright.request.newContext({
      baseURL,
      maxRedirects: 0,
      extraHTTPHeaders: { cookie: `rc_patient=${crypto.randomBytes(32).toString('base64url')}` },
    });
    const refused = await stranger.post('/p/log', {
      data: {
        idempotencyKey: crypto.randomUUID(),
        performedAt: new Date().toISOString(),
        itemsDone: [crypto.randomUUID()],
        painBefore: 1,
        painAfter: 1,
        symptoms: [],
      },
    });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toEqual({ error: 'link_inactive' });
    await stranger.dispose();
  });

  test('the calendar file has weekly reminders at the chosen times in the patient’s timezone', async ({
    playwright,
    baseURL,
  }) => {
    const api = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    await api.get(`/p/${DEMO_PATIENT_LINK.token}`);
    const res = await api.get('/p/calendar.ics?time=07:30&time=18:15');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/calendar');
    const ics = await res.text();
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toMatch(/DTSTART;TZID=America\/Los_Angeles:\d{8}T073000/);
    expect(ics).toMatch(/DTSTART;TZID=America\/Los_Angeles:\d{8}T181500/);
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
    expect(ics).toContain('BEGIN:VALARM');
    // The zone is described in the file (RFC 5545), the series ends, and the token is nowhere in it.
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect(ics).toContain('TZID:America/Los_Angeles');
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=\d{8}T\d{6}Z/);
    expect(ics).not.toContain(DEMO_PATIENT_LINK.token);
    expect(ics).toContain('+1 503 555 0142');
    for (const bad of ['25:00', 'abc', '8am']) {
      const refused = await api.get(`/p/calendar.ics?time=${bad}`);
      expect(refused.status(), bad).toBe(400);
      expect(await refused.text(), bad).toContain('Each time must be a time of day such as 08:00');
    }
    await api.dispose();
  });
});
