import { LoginPage, addPractitioner, demoAdmin, expect, signIn, test, uniqueEmail } from './fixtures';

test.describe('signing in', () => {
  test('a signed-out visitor is sent to sign in, then back where they were going', async ({ page }) => {
    await page.goto('/settings/team');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings%2Fteam/);
    await new LoginPage(page).signIn(demoAdmin.email, demoAdmin.password);
    await expect(page).toHaveURL(/\/settings\/team$/);
    await expect(page.getByRole('heading', { name: 'Team' })).toBeVisible();
  });

  test('the demo admin reaches the dashboard of their clinic', async ({ page }) => {
    await signIn(page, demoAdmin.email, demoAdmin.password);
    await expect(page.getByTestId('clinic-name')).toHaveText('Harbour Street Chiropractic');
    await expect(page.getByRole('heading', { name: /Welcome, Dana/ })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/dashboard.png', fullPage: true });
  });

  test('a wrong password gets one message that does not say which part was wrong', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn(demoAdmin.email, 'definitely-not-it');
    await expect(login.error()).toHaveText('That email and password do not match an active account.');
    await login.settled();
    await login.signIn(uniqueEmail('nobody'), 'definitely-not-it');
    await expect(login.error()).toHaveText('That email and password do not match an active account.');
    await page.screenshot({ path: 'test-results/screens/login-error.png' });
  });

  test('empty and oversized fields get field messages, not an error page', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('email-error')).toHaveText('Enter your email address.');
    await expect(page.getByTestId('password-error')).toHaveText('Enter your password.');
    await page.getByLabel('Email').evaluate((el) => el.removeAttribute('maxlength'));
    await page.getByLabel('Password').evaluate((el) => el.removeAttribute('maxlength'));
    await login.signIn(`${'a'.repeat(1100)}@example.com`, 'p'.repeat(300));
    await expect(page.getByTestId('email-error')).toHaveText('That email address is too long.');
    await expect(page.getByTestId('password-error')).toHaveText('Passwords are at most 256 characters.');
  });

  test('repeated failures are stopped with a clear wait time', async ({ page }) => {
    const login = new LoginPage(page);
    const email = uniqueEmail('guess');
    await login.goto();
    for (let i = 0; i < 5; i++) {
      await login.signIn(email, `wrong-${i}`);
      await expect(login.error()).toHaveText('That email and password do not match an active account.');
      await login.settled();
    }
    await login.signIn(email, 'wrong-again');
    await expect(login.error()).toHaveText(/Too many sign-in attempts\. Try again in 1[45] minutes\./);
  });

  test('a crafted callbackUrl to another site lands on the dashboard', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto('https://evil.example/steal');
    await login.signIn(demoAdmin.email, demoAdmin.password);
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test('signing out ends the session, and a copy of the old cookie no longer works', async ({ page, browser }) => {
    await signIn(page, demoAdmin.email, demoAdmin.password);
    const stolen = await page.context().storageState();
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await expect(page).toHaveURL(/\/login/);

    const replay = await browser.newContext({ storageState: stolen });
    const replayPage = await replay.newPage();
    const [answer] = await Promise.all([
      replayPage.waitForResponse((r) => new URL(r.url()).pathname === '/dashboard'),
      replayPage.goto('/dashboard'),
    ]);
    await expect(replayPage).toHaveURL(/\/login/);
    // The proxy clears the dead cookie on the way out.
    expect(answer.status()).toBe(307);
    expect(await answer.headerValue('set-cookie')).toMatch(/authjs\.session-token=;.*Expires=Thu, 01 Jan 1970/i);
    expect((await replay.cookies()).some((c) => c.name.endsWith('authjs.session-token'))).toBe(false);
    await replay.close();
  });

  test('pages answer with security headers and a nonce-based CSP', async ({ page }) => {
    const response = await page.goto('/login');
    const headers = response?.headers() ?? {};
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-powered-by']).toBeUndefined();
    const overHttps = await page.request.get('/login', { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(overHttps.headers()['strict-transport-security']).toMatch(/max-age=\d+/);
    expect((await page.request.get('/login')).headers()['strict-transport-security']).toBeUndefined();
    const health = await page.request.get('/api/health');
    expect(health.status()).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok', writable: true, migrations: 'current' });
    expect(health.headers()['content-security-policy']).toContain("default-src 'none'");
  });

  const PREFETCHES: Record<string, string>[] = [{ 'Next-Router-Prefetch': '1' }, { Purpose: 'prefetch' }];
  test('a prefetch is a page like any other: signed-in check and CSP included', async ({
    page,
    playwright,
    baseURL,
  }) => {
    // The proxy used to skip requests carrying these headers: no CSP, no sign-in redirect.
    const api = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    for (const headers of PREFETCHES) {
      const signedOut = await api.get('/dashboard', { headers });
      expect(signedOut.status(), JSON.stringify(headers)).toBe(307);
      expect(signedOut.headers().location).toMatch(/\/login\?callbackUrl=%2Fdashboard/);
    }
    await api.dispose();
    await signIn(page, demoAdmin.email, demoAdmin.password);
    for (const headers of PREFETCHES) {
      const res = await page.request.get('/patients', { headers });
      expect(res.status()).toBe(200);
      expect(res.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
    }
  });
});

test.describe('lock-out cannot be used as a weapon', () => {
  // The e2e server trusts one proxy (e2e/server.ts): each browser below is a client of its own
  // address through X-Forwarded-For, as behind a load balancer.
  const from = (address: string) => ({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
  const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

  test('guesses from elsewhere lock out neither the owner elsewhere nor the owner’s own browser', async ({
    page,
    browser,
    playwright,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const email = uniqueEmail('target');
    const password = 'target-temporary-pass-1';
    await signIn(page, demoAdmin.email, demoAdmin.password);
    await addPractitioner(page, 'Tara Target', email, password);

    // The owner signs in once on their own computer: it keeps a device cookie for the account.
    const own = await browser.newContext(from(address()));
    const ownPage = await own.newPage();
    await signIn(ownPage, email, password);
    expect((await own.cookies()).some((c) => c.name.startsWith('rc_device_') && c.httpOnly)).toBe(true);
    await own.clearCookies({ name: 'authjs.session-token' });

    // Five wrong passwords from one address stop that address only (they used to lock the account).
    const attacker = await browser.newContext(from('203.0.113.5'));
    const attackerLogin = new LoginPage(await attacker.newPage());
    await attackerLogin.goto();
    for (let i = 0; i < 5; i++) {
      await attackerLogin.signIn(email, `wrong-${i}`);
      await expect(attackerLogin.error()).toHaveText('That email and password do not match an active account.');
      await attackerLogin.settled();
    }
    await attackerLogin.signIn(email, password);
    await expect(attackerLogin.error()).toHaveText(/Too many sign-in attempts/);
    const elsewhere = await browser.newContext(from(address()));
    const elsewherePage = await elsewhere.newPage();
    await signIn(elsewherePage, email, password);
    await elsewhere.close();

    // Twenty more from twenty addresses: the account is held back for browsers it has never
    // signed in on, even with the right password, but not for the owner's own browser.
    const api = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    for (let i = 0; i < 20; i++) {
      const headers = { 'X-Forwarded-For': `203.0.113.${100 + i}` };
      const { csrfToken } = (await (await api.get('/api/auth/csrf', { headers })).json()) as { csrfToken: string };
      await api.post('/api/auth/callback/credentials', {
        headers,
        form: { csrfToken, email, password: `spread-${i}`, callbackUrl: '/dashboard' },
      });
    }
    await api.dispose();
    const stranger = new LoginPage(await (await browser.newContext(from(address()))).newPage());
    await stranger.goto();
    await stranger.signIn(email, password);
    await expect(stranger.error()).toHaveText(/Too many sign-in attempts\. Try again in (59|60) minutes\./);

    await ownPage.goto('/login');
    await new LoginPage(ownPage).signIn(email, password);
    await expect(ownPage).toHaveURL(/\/account\/password/);
    await own.close();
    await attacker.close();
  });
});

test('Auth.js’s own pages and sign-out endpoint are not exposed; its CSRF token and callback are', async ({
  playwright,
  baseURL,
}) => {
  const api = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
  const { csrfToken } = (await (await api.get('/api/auth/csrf')).json()) as { csrfToken: string };
  expect(csrfToken).toBeTruthy();
  for (const path of [
    '/api/auth/signout',
    '/api/auth/signin',
    '/api/auth/error',
    '/api/auth/session',
    '/api/auth/providers',
  ]) {
    expect((await api.get(path)).status(), `GET ${path}`).toBe(404);
  }
  // It cleared the cookie and left every copy of it valid; the app's sign-out ends them all.
  const signout = await api.post('/api/auth/signout', { form: { csrfToken } });
  expect(signout.status()).toBe(404);
  const signedIn = await api.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: demoAdmin.email, password: demoAdmin.password, callbackUrl: '/dashboard' },
  });
  expect(signedIn.status()).toBe(302);
  await api.dispose();
});
