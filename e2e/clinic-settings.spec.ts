import { demoPractitioner, expect, newLinkFor, otherClinicAdmin, phoneContext, signIn, test } from './fixtures';

test('an admin sets the clinic’s emergency number and hours; a mistake keeps what was typed; patients see the result', async ({
  browser,
  page,
}) => {
  await signIn(page, otherClinicAdmin.email, otherClinicAdmin.password);
  await page.getByRole('link', { name: 'Clinic', exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/clinic$/);
  const form = page.getByRole('form', { name: 'Clinic settings' });
  await expect(form.getByLabel('Emergency number')).toHaveAttribute('placeholder', '999');
  await expect(form.getByText(/default for your timezone: 999/)).toBeVisible();

  // Tuesday opens with no closing time: refused beside Tuesday, and the advice just typed stays.
  await form.getByLabel('Emergency number').fill('112');
  await form.getByLabel('When the clinic is closed').fill('Out of hours, ring NHS 111.');
  await form.getByLabel('Tuesday closes').fill('');
  await form.getByRole('button', { name: 'Save clinic settings' }).click();
  await expect(form.getByText('Give both times for Tuesday, or neither if the clinic is closed.')).toBeVisible();
  await expect(form.getByLabel('Tuesday closes')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('When the clinic is closed')).toHaveValue('Out of hours, ring NHS 111.');
  await expect(form.getByLabel('Emergency number')).toHaveValue('112');

  await form.getByLabel('Tuesday closes').fill('17:00');
  await form.getByRole('button', { name: 'Save clinic settings' }).click();
  await expect(page.getByText('Clinic settings saved.')).toBeVisible();
  await page.reload();
  await expect(form.getByLabel('Emergency number')).toHaveValue('112');
  await expect(form.getByLabel('Tuesday closes')).toHaveValue('17:00');
  await page.screenshot({ path: 'test-results/screens/clinic-settings.png', fullPage: true });

  const linkPath = await newLinkFor(page, 'Hannah Price');
  const patient = await phoneContext(browser);
  await patient.page.goto(linkPath);
  const safety = patient.page.getByRole('region', { name: 'If something feels wrong' });
  await expect(safety.getByRole('link', { name: 'Call 112 (emergency)' })).toHaveAttribute('href', 'tel:112');
  await expect(safety.getByTestId('clinic-hours')).toContainText('Tuesday: 08:30–17:00');
  await expect(safety.getByTestId('clinic-hours')).toContainText('Out of hours, ring NHS 111.');
  // The footer's phone number is a tap-to-call link.
  await expect(patient.page.getByRole('link', { name: '+44 161 555 0190' }).last()).toHaveAttribute(
    'href',
    'tel:+441615550190',
  );
  await patient.context.close();
});

test('an admin raises the step-up adherence to 90 %; a figure out of its range is refused beside it; reset brings back the defaults', async ({
  page,
}) => {
  await signIn(page, otherClinicAdmin.email, otherClinicAdmin.password);
  await page.goto('/settings/clinic');
  const form = page.getByRole('form', { name: 'Progression suggestions' });
  const adherence = form.getByLabel('Step-up adherence', { exact: true });
  const hold = form.getByLabel('Hold increment', { exact: true });
  const save = form.getByRole('button', { name: 'Save progression thresholds' });
  await expect(adherence).toHaveValue('80');
  await expect(form.getByText('Default 80 %, 50–100 %')).toBeVisible();
  await expect(form.getByText('Default 15 s, 5–30 s')).toBeVisible();

  // A 45 s jump is refused beside the field; what was typed stays, and nothing is saved.
  await adherence.fill('90');
  await hold.fill('45');
  await save.click();
  await expect(form.getByTestId('threshold-holdIncrement-error')).toHaveText(
    'Hold increment must be between 5 and 30 s.',
  );
  await expect(hold).toHaveAttribute('aria-invalid', 'true');
  await expect(adherence).toHaveValue('90');
  await page.reload();
  await expect(adherence).toHaveValue('80');
  await expect(hold).toHaveValue('15');

  await adherence.fill('90');
  await save.click();
  await expect(page.getByText('Progression thresholds saved.')).toBeVisible();
  await page.reload();
  await expect(adherence).toHaveValue('90');
  await expect(page.getByText('Your clinic has changed 1 of them from the defaults.')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/clinic-progression-thresholds.png', fullPage: true });

  // Back to the defaults, so other specs see this clinic as seeded.
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(page.getByText('Progression suggestions use the defaults again.')).toBeVisible();
  await expect(adherence).toHaveValue('80');
  await page.reload();
  await expect(adherence).toHaveValue('80');
  await expect(page.getByText('Your clinic uses the defaults.')).toBeVisible();
});

test('unauthorized access: a practitioner who is not an admin cannot open the clinic settings', async ({ page }) => {
  await signIn(page, demoPractitioner.email, demoPractitioner.password);
  await expect(page.getByRole('link', { name: 'Clinic', exact: true })).toHaveCount(0);
  const response = await page.goto('/settings/clinic');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Only clinic admins can open this page' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Clinic settings' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Progression suggestions' })).toHaveCount(0);
});
