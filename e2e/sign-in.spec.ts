import { LoginPage, demoAdmin, expect, signIn, test, uniqueEmail } from './fixtures';

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
    expect(await health.json()).toEqual({ status: 'ok', database: 'ok' });
  });
});
