import { DEMO_PATIENT_LINK } from '../scripts/seed/demo-accounts';
import { expectNoViolations } from './axe';
import { choosePain, demoAdmin, expect, phoneContext, signIn, test } from './fixtures';

test('axe finds nothing on any practitioner screen', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/login');
  await expectNoViolations(page, '/login');
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/patients?q=Maria');
  await page.getByRole('link', { name: 'Maria Lopez' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patient = new URL(page.url()).pathname;
  await page.goto('/templates');
  await page.getByRole('link', { name: 'Desk worker — week 1' }).click();
  await expect(page).toHaveURL(/\/templates\/[0-9a-f-]{36}/);
  const template = new URL(page.url()).pathname;
  await page.goto('/exercises');
  await page.getByRole('link', { name: 'Upper-back roll in a low bridge' }).first().click();
  await expect(page).toHaveURL(/\/exercises\/[0-9a-f-]{36}/);
  const exercise = new URL(page.url()).pathname;

  for (const path of [
    '/dashboard',
    '/patients',
    '/patients/new',
    patient,
    `${patient}/progress`,
    `${patient}/edit`,
    `${patient}/screening`,
    `${patient}/plan`,
    `${patient}/referrals/new`,
    '/alerts',
    '/alerts?status=resolved',
    '/exercises',
    '/exercises/new',
    exercise,
    '/templates',
    '/templates/new',
    template,
    '/settings/team',
    '/settings/clinic',
    '/settings/profile',
    '/account/password',
    '/patients/00000000-0000-4000-8000-000000000000',
  ]) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expectNoViolations(page, path);
  }
});

test('axe finds nothing on the patient’s screens: plan, guided session, log, red-flag guidance, inactive link', async ({
  browser,
}) => {
  const { context, page } = await phoneContext(browser);
  await page.clock.install({ time: new Date(Date.now() - 60 * 60_000) });
  await page.goto('/p/inactive');
  await expectNoViolations(page, '/p/inactive');
  await page.goto(`/p/${DEMO_PATIENT_LINK.token}`);
  await expectNoViolations(page, '/p');
  await page.getByRole('button', { name: 'Start a session' }).click();
  await expectNoViolations(page, 'pain before the session');
  await page.getByRole('button', { name: 'Skip and start' }).click();
  await page.getByText('Timer settings').click();
  await expectNoViolations(page, 'guided session');
  await page.getByRole('button', { name: 'Stop here and log the session' }).click();
  await expectNoViolations(page, 'log form');
  const form = page.getByRole('form', { name: 'Log your session' });
  await form.getByLabel('Chest pain or getting out of breath').check();
  await choosePain(page, 'Pain before the session', 1);
  await expectNoViolations(page, 'log form with chest pain ticked');
  // Offline, so the demo patient's log stays on this throwaway phone: other specs count on
  // Maria having no chest-pain alert.
  await context.setOffline(true);
  await form.getByRole('button', { name: 'Save my session' }).click();
  await expect(page.getByTestId('red-flag-guidance')).toBeVisible();
  await expectNoViolations(page, 'red-flag guidance');
  await context.close();
});

test('at 1024 px the roster fits without scrolling sideways, the Alerts column in view', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/patients');
  await expect(page.getByRole('columnheader', { name: /Alerts/ })).toBeInViewport({ ratio: 1 });
  const overflow = await page.evaluate(() => {
    const wide = [...document.querySelectorAll('main *')].filter((el) => el.scrollWidth > el.clientWidth + 1);
    return {
      page: document.documentElement.scrollWidth,
      scrollers: wide.filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX)).length,
    };
  });
  expect(overflow).toEqual({ page: 1024, scrollers: 0 });
  await page.screenshot({ path: 'test-results/screens/roster-1024.png' });
});
