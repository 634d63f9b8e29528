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

test('unauthorized access: a practitioner who is not an admin cannot open the clinic settings', async ({ page }) => {
  await signIn(page, demoPractitioner.email, demoPractitioner.password);
  await expect(page.getByRole('link', { name: 'Clinic', exact: true })).toHaveCount(0);
  const response = await page.goto('/settings/clinic');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Only clinic admins can open this page' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Clinic settings' })).toHaveCount(0);
});
