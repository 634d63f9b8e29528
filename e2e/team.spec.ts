import {
  addPractitioner,
  demoAdmin,
  demoPractitioner,
  expect,
  forgeField,
  newPerson,
  otherClinicAdmin,
  signIn,
  test,
  uniqueEmail,
} from './fixtures';
import type { Page } from '@playwright/test';

async function chooseOwnPassword(page: Page, current: string, next: string) {
  await expect(page).toHaveURL(/\/account\/password/);
  await page.getByLabel('Current password').fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Repeat the new password').fill(next);
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

test.describe('clinic team', () => {
  test('an admin adds a practitioner, who must replace the temporary password at first sign-in', async ({
    page,
    browser,
  }) => {
    await signIn(page, demoAdmin.email, demoAdmin.password);
    const email = uniqueEmail('newhire');
    await addPractitioner(page, 'Nia Newhire', email, 'temporary-pass-123');
    await page.screenshot({ path: 'test-results/screens/team.png', fullPage: true });

    const newcomer = await newPerson(browser);
    await signIn(newcomer.page, email, 'temporary-pass-123');
    await expect(newcomer.page).toHaveURL(/\/account\/password/);
    // Nothing else is reachable until the password is changed.
    await newcomer.page.goto('/dashboard');
    await expect(newcomer.page).toHaveURL(/\/account\/password/);
    await newcomer.page.screenshot({ path: 'test-results/screens/choose-password.png' });
    await chooseOwnPassword(newcomer.page, 'temporary-pass-123', 'my-own-secret-pass');
    await expect(newcomer.page.getByTestId('user-name')).toHaveText('Nia Newhire');
    await newcomer.context.close();
  });

  test('a disabled practitioner is thrown out on their next request', async ({ page, browser }) => {
    await signIn(page, demoAdmin.email, demoAdmin.password);
    const email = uniqueEmail('leaver');
    await addPractitioner(page, 'Lee Leaver', email, 'temporary-pass-456');

    const leaver = await newPerson(browser);
    await signIn(leaver.page, email, 'temporary-pass-456');
    await chooseOwnPassword(leaver.page, 'temporary-pass-456', 'leaver-own-password');

    await page.getByTestId(`member-${email}`).getByRole('button', { name: 'Disable Lee Leaver' }).click();
    await expect(page.getByTestId(`member-${email}`).getByText('Disabled')).toBeVisible();

    await leaver.page.goto('/settings/profile');
    await expect(leaver.page).toHaveURL(/\/login/);
    await leaver.page.getByLabel('Email').fill(email);
    await leaver.page.getByLabel('Password').fill('leaver-own-password');
    await leaver.page.getByRole('button', { name: 'Sign in' }).click();
    await expect(leaver.page.getByTestId('login-error')).toHaveText(
      'That email and password do not match an active account.',
    );
    await leaver.context.close();
  });

  test('a practitioner without the admin role cannot open team settings', async ({ page }) => {
    await signIn(page, demoPractitioner.email, demoPractitioner.password);
    await expect(page.getByRole('link', { name: 'Team' })).toHaveCount(0);
    // The page streams behind the dashboard's loading state, so the refusal is in the page, not the status line.
    await page.goto('/settings/team');
    await expect(page.getByRole('heading', { name: 'Only clinic admins can open this page' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Add a practitioner' })).toHaveCount(0);
    await expect(page.locator('#main')).not.toContainText(demoAdmin.email);
  });
});

test.describe('unauthorized access between clinics', () => {
  test('an admin of clinic B sees nothing of clinic A and cannot change its practitioners', async ({
    page,
    browser,
  }) => {
    // Clinic A's admin reads the id of one of their practitioners from their own team page.
    await signIn(page, demoAdmin.email, demoAdmin.password);
    await page.goto('/settings/team');
    const targetId = await page
      .getByTestId(`member-${demoPractitioner.email}`)
      .locator('input[name="userId"]')
      .first()
      .inputValue();

    const other = await newPerson(browser);
    await signIn(other.page, otherClinicAdmin.email, otherClinicAdmin.password);
    await expect(other.page.getByTestId('clinic-name')).toHaveText('Northside Physio & Massage');
    await other.page.goto('/settings/team');
    const body = other.page.locator('main');
    await expect(body).not.toContainText('harbour.example.com');
    await expect(body).not.toContainText(demoAdmin.name);

    // Forge the role form of their own row to point at clinic A's practitioner.
    const ownRow = other.page.getByTestId(`member-${otherClinicAdmin.email}`);
    await forgeField(other.page, `[data-testid="member-${otherClinicAdmin.email}"] input[name="userId"]`, targetId);
    await ownRow.getByLabel(/Role for/).selectOption('admin');
    await ownRow.getByRole('button', { name: 'Save' }).click();
    await expect(other.page.getByText('That practitioner is not in your clinic.')).toBeVisible();
    await other.context.close();

    await page.reload();
    await expect(page.getByTestId(`member-${demoPractitioner.email}`).getByLabel(/Role for/)).toHaveValue(
      'practitioner',
    );
  });
});
