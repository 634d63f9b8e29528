import { todayIn } from '../lib/dates';
import { demoAdmin, expect, newLinkFor, otherClinicAdmin, phoneContext, signIn, test } from './fixtures';

test('from a red flag to a tracked referral: the patient asks for the appointment, the practitioner books, sees and records the report', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, demoAdmin.email, demoAdmin.password);
  // The patient reports tingling from their phone: a red flag reaches the inbox.
  const linkPath = await newLinkFor(page, 'Daniel Ruiz');
  const phone = await phoneContext(browser);
  await phone.page.goto(linkPath);
  await phone.page.getByRole('button', { name: 'Log without the timer' }).click();
  await phone.page
    .getByRole('form', { name: 'Log your session' })
    .getByLabel('Tingling or numbness in the arms or hands')
    .check();
  await phone.page.getByRole('button', { name: 'Save my session' }).click();
  await expect(phone.page.getByTestId('red-flag-guidance')).toContainText('has been told');

  await page.goto('/alerts');
  const alert = page.getByTestId('alert').filter({ hasText: 'Daniel Ruiz' }).first();
  await alert.getByRole('link', { name: 'Refer to in-person care' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}\/referrals\/new\?/);
  const patientPath = new URL(page.url()).pathname.replace(/\/referrals\/new$/, '');
  const form = page.getByRole('form', { name: 'Refer the patient' });
  await expect(form.getByLabel('Reason')).toHaveValue(/Reported on .+: /);
  await expect(form.getByLabel('Urgency')).toHaveValue(/urgent|soon/);
  // Nothing chosen: refused beside the field, the reason kept.
  await form.getByRole('button', { name: 'Refer and mark sent' }).click();
  await expect(form.getByText('Choose who to refer the patient to.')).toBeVisible();
  await expect(form.getByLabel('Reason')).toHaveValue(/Reported on/);
  const reyes = await form.locator('option', { hasText: 'Dr. Angela Reyes' }).getAttribute('value');
  await form.getByLabel('Refer to').selectOption(reyes!);
  await form.getByLabel('What you ask').selectOption('assess_and_report');
  await form.getByLabel('The patient knows about this referral and agrees to it').check();
  await form.getByRole('button', { name: 'Refer and mark sent' }).click();
  await expect(page).toHaveURL(new RegExp(`${patientPath}\\?referred=1`));
  const referral = page.getByTestId('referral').filter({ hasText: 'Dr. Angela Reyes' });
  await expect(referral).toContainText('Sent');

  // The patient sees who to see, and asks for the appointment.
  await phone.page.goto('/p');
  const care = phone.page.getByRole('region', { name: 'In-person care' });
  const entry = care.getByRole('listitem').filter({ hasText: 'Dr. Angela Reyes' });
  await expect(entry.getByRole('link', { name: /^Call / })).toHaveAttribute('href', /^tel:\+1503555/);
  await expect(entry.getByRole('link', { name: /^Map/ })).toHaveAttribute('href', /google\.com\/maps/);
  await expect(care).toContainText('Harbour Street Chiropractic');
  await expect(care).not.toContainText('internal');
  await entry.getByRole('button', { name: 'I’d like an appointment' }).click();
  await expect(phone.page.getByText('Your clinic has been told you would like an appointment.')).toBeVisible();
  await expect(entry).toContainText('You asked for an appointment.');
  await phone.page.screenshot({ path: 'test-results/screens/phone-in-person-care.png', fullPage: true });
  await phone.context.close();

  // The practitioner sees the request, books, sees and records the report.
  await page.goto('/alerts');
  await expect(
    page.getByTestId('alert').filter({ hasText: 'Asked for an appointment with Dr. Angela Reyes' }),
  ).toBeVisible();
  await page.goto(patientPath);
  await expect(referral).toContainText('The patient asked for an appointment');
  const step = referral.getByRole('form', { name: /Next step for the referral/ });
  await step.getByLabel('Next step').selectOption('booked');
  await step.getByLabel('Note (optional)').fill('Thursday 10:30');
  await step.getByRole('button', { name: 'Record step' }).click();
  await expect(referral).toContainText('Booked');
  await expect(referral).toContainText('Thursday 10:30');
  await referral
    .getByRole('form', { name: /Next step for the referral/ })
    .getByLabel('Next step')
    .selectOption('seen');
  await referral.getByRole('button', { name: 'Record step' }).click();
  const report = referral.getByRole('form', { name: 'Record the provider’s report' });
  await report.getByLabel('Findings').fill('No fracture; mild facet irritation at T6–T7.');
  await report.getByLabel('Date of the report').fill(todayIn('America/Los_Angeles'));
  await report.getByRole('button', { name: 'Record report' }).click();
  await expect(referral).toContainText('Report received');
  await expect(referral).toContainText('No fracture; mild facet irritation');
  await page.screenshot({ path: 'test-results/screens/patient-referrals.png', fullPage: true });

  // Another clinic's admin cannot open the referral form for this patient.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, otherClinicAdmin.email, otherClinicAdmin.password);
  const response = await otherPage.goto(`${patientPath}/referrals/new`);
  expect(response?.status()).toBe(404);
  await other.close();
});
