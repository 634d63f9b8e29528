import crypto from 'node:crypto';
import { devices, type Browser, type Page } from '@playwright/test';
import { fromZonedTime, toZonedTime } from 'date-fns-tz';
import { formatDate, shiftDate, todayIn } from '../lib/dates';
import { demoAdmin, expect, signIn, test } from './fixtures';

// The e2e server runs with TZ=UTC (e2e/server.ts), so a page that wrote dates in the server's
// zone would show it here.

/**
 * A last session the old pages disagreed on, whatever the time of day: before 11:00 where the
 * patient is, 23:55 two days ago is "2 days ago" by the calendar but only ~30 hours by the clock;
 * later, 00:05 yesterday is "Yesterday" but rounds to two 24-hour spans after midday.
 */
function trickyLastSession(timezone: string, now = new Date()) {
  const today = todayIn(timezone, now);
  const early = toZonedTime(now, timezone).getHours() < 11;
  const day = shiftDate(today, early ? -2 : -1);
  return {
    at: fromZonedTime(`${day}T${early ? '23:55' : '00:05'}:00`, timezone),
    expected: early ? '2 days ago' : 'Yesterday',
    clock: early ? '11:55 PM' : '12:05 AM',
  };
}

async function createPatient(page: Page, name: string, timezone: string): Promise<string> {
  await page.goto('/patients/new');
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Timezone').selectOption(timezone);
  await page.getByRole('button', { name: 'Add patient' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  return page.url().split('/patients/')[1]!.split('?')[0]!;
}

/** Screened with nothing found, on the desk-worker template from six of the patient's days ago, with a link for the phone. */
async function onPlanWithLink(page: Page, patientId: string, timezone: string): Promise<string> {
  await page.goto(`/patients/${patientId}/screening`);
  const groups = page.getByRole('radiogroup');
  await expect(groups).toHaveCount(16);
  for (let i = 0; i < 16; i++) await groups.nth(i).getByLabel('No').check();
  await page.getByRole('button', { name: 'Save screening' }).click();
  await expect(page.getByText('Screening saved.')).toBeVisible();

  await page.goto(`/patients/${patientId}/plan/new`);
  await page.getByLabel('Start from a template').selectOption({ label: 'Desk worker — week 1' });
  await page.getByLabel('Start date').fill(shiftDate(todayIn(timezone), -6));
  await page.getByRole('button', { name: 'Assign plan' }).click();
  await expect(page.getByText('Plan assigned.')).toBeVisible();

  await page.goto(`/patients/${patientId}`);
  await page.getByRole('form', { name: 'Create a link' }).getByLabel('Label').fill('Phone');
  await page.getByRole('button', { name: 'Create link' }).click();
  return new URL(await page.getByTestId('new-link-url').inputValue()).pathname;
}

/** The patient logs a session on a phone whose clock says `at`, as if they had done it then. */
async function logSessionAt(browser: Browser, linkPath: string, at: Date) {
  const context = await browser.newContext({ ...devices['Pixel 7'] });
  const phone = await context.newPage();
  await phone.clock.install({ time: at });
  await phone.goto(linkPath);
  await phone.getByRole('button', { name: 'Log without the timer' }).click();
  const form = phone.getByRole('form', { name: 'Log your session' });
  await form.getByRole('checkbox').first().check();
  await form.getByRole('group', { name: 'Pain before the session' }).getByText('3', { exact: true }).click();
  await form.getByRole('group', { name: 'Pain after the session' }).getByText('2', { exact: true }).click();
  await form.getByRole('button', { name: 'Save my session' }).click();
  await expect(phone.getByText('Session logged. Well done.')).toBeVisible();
  await context.close();
}

/** The cell under a column header in a table row, found by the header's text. */
async function cellUnder(page: Page, rowTestId: string, rowText: string, header: string) {
  const headers = (await page.locator('thead th').allTextContents()).map((h) => h.trim());
  const index = headers.findIndex((h) => h.startsWith(header));
  expect(index, `a "${header}" column`).toBeGreaterThanOrEqual(0);
  return page.getByTestId(rowTestId).filter({ hasText: rowText }).locator('td').nth(index);
}

test('a patient’s last session reads the same on the dashboard, the roster and their page, in Berlin and in Auckland', async ({
  page,
  browser,
}) => {
  // Two patients, each created, screened, put on a plan and logged for through the UI.
  test.setTimeout(180_000);
  await signIn(page, demoAdmin.email, demoAdmin.password);
  for (const timezone of ['Europe/Berlin', 'Pacific/Auckland']) {
    // "Aa" sorts them onto the first page of the admin's own patients on the dashboard.
    const name = `Aaron ${timezone.split('/')[1]} ${crypto.randomBytes(3).toString('hex')}`;
    const patientId = await createPatient(page, name, timezone);
    const linkPath = await onPlanWithLink(page, patientId, timezone);
    const session = trickyLastSession(timezone);
    await logSessionAt(browser, linkPath, session.at);

    await page.goto(`/patients/${patientId}`);
    const figures = page.getByTestId('patient-figures');
    await expect(
      figures
        .locator('div')
        .filter({ has: page.getByText('Last session', { exact: true }) })
        .locator('dd'),
    ).toHaveText(session.expected);
    // The log itself, at the patient's own wall-clock time and zone, not the server's.
    await expect(page.getByTestId('session-log').first()).toContainText(session.clock);
    if (timezone === 'Europe/Berlin')
      await page.screenshot({ path: 'test-results/screens/dates-patient-page.png', fullPage: true });

    await page.goto(`/patients?q=${encodeURIComponent(name)}`);
    await expect(await cellUnder(page, 'roster-row', name, 'Last session')).toHaveText(session.expected);
    // Added today where the patient is: in Auckland that is tomorrow in UTC from 11:00 UTC on.
    await expect(await cellUnder(page, 'roster-row', name, 'Added')).toHaveText(formatDate(new Date(), timezone));
    if (timezone === 'Pacific/Auckland')
      await page.screenshot({ path: 'test-results/screens/dates-roster.png', fullPage: true });

    await page.goto('/dashboard?scope=mine&sort=name&dir=asc');
    await expect(await cellUnder(page, 'dashboard-row', name, 'Last session')).toHaveText(session.expected);
  }
});

test('the timezone picker offers the current names, not the retired ones', async ({ page }) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/patients/new');
  const offered = await page
    .getByLabel('Timezone')
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(offered).toEqual(expect.arrayContaining(['Asia/Kolkata', 'Asia/Ho_Chi_Minh', 'Europe/Kyiv']));
  for (const retired of ['Asia/Calcutta', 'Asia/Saigon', 'Europe/Kiev']) expect(offered).not.toContain(retired);
});
