import crypto from 'node:crypto';
import http from 'node:http';
import { expect, newLinkFor, otherClinicAdmin, signIn, test } from './fixtures';

const redFlag = () => ({
  idempotencyKey: crypto.randomUUID(),
  performedAt: new Date(Date.now() - 60_000).toISOString(),
  itemsDone: [],
  painBefore: null,
  painAfter: null,
  symptoms: ['sharp_pain'],
});

/** A chunked POST (no Content-Length) of `kib` KiB, as a raw client would send it. */
function chunkedPost(url: string, cookie: string, kib: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', cookie },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    for (let i = 0; i < kib; i++) req.write('x'.repeat(1024));
    req.end();
  });
}

test('a flood of red-flag logs from one link: 429 with Retry-After, 413 for a huge body, one alert in the inbox', async ({
  page,
  playwright,
  baseURL,
}) => {
  await signIn(page, otherClinicAdmin.email, otherClinicAdmin.password);
  const linkPath = await newLinkFor(page, 'Oliver Hughes');
  const api = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  expect((await api.get(linkPath)).status()).toBe(303);

  const first = redFlag();
  const statuses: number[] = [];
  for (let i = 0; i < 15; i++)
    statuses.push((await api.post('/p/log', { data: i === 0 ? first : redFlag() })).status());
  expect(statuses.slice(0, 12)).toEqual(Array(12).fill(201));
  expect(statuses.slice(12)).toEqual([429, 429, 429]);
  const over = await api.post('/p/log', { data: redFlag() });
  expect(over.status()).toBe(429);
  expect(Number(over.headers()['retry-after'])).toBeGreaterThan(0);
  expect(((await over.json()) as { error: string }).error).toMatch(/Too many sessions/);
  // The phone resending a log that was stored is still answered, over the limit.
  expect((await api.post('/p/log', { data: first })).status()).toBe(200);

  const huge = await api.post('/p/log', { data: { ...redFlag(), note: 'x'.repeat(20_000) } });
  expect(huge.status()).toBe(413);
  const cookie = (await api.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  expect(await chunkedPost(`${baseURL}/p/log`, cookie, 64)).toBe(413);
  await api.dispose();

  await page.goto('/alerts');
  const alerts = page.getByRole('article', { name: 'Alert for Oliver Hughes' });
  await expect(alerts).toHaveCount(1);
  await expect(alerts.getByTestId('alert-repeated')).toContainText(/Reported again (11|12) times, last /);
});
