import { demoAdmin, expect, newLinkFor, phoneContext, signIn, test } from './fixtures';

test('the plan installs as an app: a manifest for /p with icons, and a favicon', async ({ page, request }) => {
  const manifest = await request.get('/p/manifest.webmanifest');
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { start_url: string; scope: string; icons: { src: string; sizes: string }[] };
  expect(body).toMatchObject({ start_url: '/p', scope: '/p', display: 'standalone', theme_color: '#1f6f66' });
  for (const icon of body.icons) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type'], icon.src).toBe('image/png');
  }
  expect(body.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect((await request.get('/icon.svg')).status()).toBe(200);
  await page.goto('/p/inactive');
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/p/manifest.webmanifest');
});

test('offline, a reload shows the last plan with its date, and the guided session still runs', async ({
  browser,
  page,
}) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  const linkPath = await newLinkFor(page, 'Fatima Haddad');
  const { context, page: phonePage } = await phoneContext(browser);
  await phonePage.goto(linkPath);
  await expect(phonePage.getByRole('heading', { name: 'Hello, Fatima' })).toBeVisible();
  // The worker takes over and keeps the plan and its files.
  await expect
    .poll(
      () =>
        phonePage.evaluate(async () => {
          await navigator.serviceWorker.ready;
          const plan = await caches.match('/p');
          const names = await caches.keys();
          const assets = names.find((n) => n.startsWith('rollcall-assets'));
          const files = assets ? (await (await caches.open(assets)).keys()).length : 0;
          return Boolean(plan) && files > 3;
        }),
      { timeout: 20_000 },
    )
    .toBe(true);

  await context.setOffline(true);
  await phonePage.reload();
  await expect(phonePage.getByRole('heading', { name: 'Hello, Fatima' })).toBeVisible();
  await expect(phonePage.getByTestId('offline-note')).toContainText(/You are offline\. This is your plan as it was on/);
  await phonePage.getByRole('button', { name: 'Start a session' }).click();
  await phonePage.getByRole('button', { name: 'Skip and start' }).click();
  await expect(phonePage.getByTestId('timer-progress')).toBeVisible();
  await phonePage.screenshot({ path: 'test-results/screens/patient-offline.png' });
  await context.setOffline(false);
  await context.close();
});

test('a reload mid-session offers to carry on where the patient was', async ({ browser, page }) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  const linkPath = await newLinkFor(page, 'Ethan Clarke');
  const { context, page: phonePage } = await phoneContext(browser);
  await phonePage.goto(linkPath);
  await phonePage.getByRole('button', { name: 'Start a session' }).click();
  await phonePage.getByRole('button', { name: 'Skip and start' }).click();
  await phonePage.getByRole('button', { name: 'Skip this one' }).click();
  await expect(phonePage.getByTestId('timer-progress')).toHaveText('Set 1 of 2 · Roll 2 of 3');

  await phonePage.reload();
  await expect(phonePage.getByTestId('resume-session')).toContainText('You were in the middle of a session');
  await expect(phonePage.getByRole('button', { name: 'Start over' })).toBeVisible();
  await phonePage.getByRole('button', { name: 'Carry on where I was' }).click();
  await expect(phonePage.getByTestId('timer-progress')).toHaveText('Set 1 of 2 · Roll 2 of 3');
  await context.close();
});
