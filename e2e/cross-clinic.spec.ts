import type { Page } from '@playwright/test';
import { demoAdmin, expect, forgeField, newPerson, otherClinicAdmin, signIn, test } from './fixtures';

type ClinicAIds = { patientId: string; templateId: string; exerciseId: string };

/** Clinic A's admin collects ids of a patient, a template and a new custom exercise. */
async function collectClinicA(page: Page): Promise<ClinicAIds> {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/patients?q=Maria');
  await page.getByRole('link', { name: 'Maria Lopez' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientId = page.url().split('/patients/')[1]!;

  await page.goto('/templates');
  await page.getByRole('link', { name: 'Desk worker — week 1' }).click();
  await expect(page).toHaveURL(/\/templates\/[0-9a-f-]{36}$/);
  const templateId = page.url().split('/templates/')[1]!.split('?')[0]!;

  await page.goto('/exercises/new');
  const form = page.getByRole('form', { name: 'Add an exercise' });
  await form.getByLabel('Name').fill('Harbour wall angel on the roller');
  await form.getByLabel('Kind').selectOption('joint_mobility');
  await form.getByLabel('Equipment').selectOption('standard_roller');
  await form.getByLabel('Steps').fill('Lie along the roller.\nSlide the arms up and down slowly.');
  await form.getByLabel('Safety notes').fill('Stop if your hands tingle.');
  await form.getByRole('button', { name: 'Add exercise' }).click();
  await expect(page).toHaveURL(/\/exercises\/[0-9a-f-]{36}$/);
  const exerciseId = page.url().split('/exercises/')[1]!;
  return { patientId, templateId, exerciseId };
}

test('unauthorized access: clinic B gets not-found for clinic A’s patient, plan, template and custom exercise', async ({
  page,
  browser,
}) => {
  const a = await collectClinicA(page);
  const b = await newPerson(browser);
  await signIn(b.page, otherClinicAdmin.email, otherClinicAdmin.password);
  for (const path of [
    `/patients/${a.patientId}`,
    `/patients/${a.patientId}/edit`,
    `/patients/${a.patientId}/screening`,
    `/patients/${a.patientId}/plan`,
    `/patients/${a.patientId}/plan/new`,
    `/templates/${a.templateId}`,
    `/exercises/${a.exerciseId}`,
  ]) {
    const response = await b.page.goto(path);
    // A real 404 (not a 200 streamed before the page knew), with one main landmark.
    expect(response?.status(), path).toBe(404);
    await expect(b.page.getByRole('heading', { name: 'Page not found' }), path).toBeVisible();
    await expect(b.page.locator('main'), path).toHaveCount(1);
    await expect(b.page.locator('body'), path).not.toContainText('Maria Lopez');
  }
  await b.page.goto('/patients?status=all');
  await expect(b.page.locator('#main')).not.toContainText('Maria Lopez');
  await b.page.goto('/exercises');
  await expect(b.page.locator('#main')).not.toContainText('Harbour wall angel');
  await b.context.close();
});

test('unauthorized access: clinic B’s forged forms cannot change clinic A’s patient', async ({ page, browser }) => {
  const a = await collectClinicA(page);
  const b = await newPerson(browser);
  await signIn(b.page, otherClinicAdmin.email, otherClinicAdmin.password);
  // Open B's own patient and point each form at A's patient.
  await b.page.goto('/patients?q=Hannah');
  await b.page.getByRole('link', { name: 'Hannah Price' }).click();
  await expect(b.page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const ownId = b.page.url().split('/patients/')[1]!;

  await b.page.goto(`/patients/${ownId}/edit`);
  await forgeField(b.page, 'input[name="patientId"]', a.patientId);
  await b.page.getByLabel('Full name').fill('Hijacked Name');
  await b.page.getByRole('button', { name: 'Save changes' }).click();
  await expect(b.page.getByText('That patient is not in your clinic.')).toBeVisible();

  await b.page.goto(`/patients/${ownId}/screening`);
  await forgeField(b.page, 'input[name="patientId"]', a.patientId);
  const groups = b.page.getByRole('radiogroup');
  await expect(groups).toHaveCount(16);
  for (let i = 0; i < 16; i++) await groups.nth(i).getByLabel('Yes').check();
  await b.page.getByRole('button', { name: 'Save screening' }).click();
  await expect(b.page.getByText('That patient is not in your clinic.')).toBeVisible();

  await b.page.goto(`/patients/${ownId}`);
  await forgeField(b.page, 'input[name="patientId"]', a.patientId);
  b.page.once('dialog', (d) => d.accept());
  await b.page.getByRole('button', { name: 'Discharge' }).click();
  await expect(b.page.getByText('That patient is not in your clinic.')).toBeVisible();
  await b.context.close();

  // Clinic A's patient is untouched.
  await page.goto(`/patients/${a.patientId}`);
  await expect(page.getByRole('heading', { name: 'Maria Lopez' })).toBeVisible();
  await expect(page.locator('header').getByText('Active', { exact: true })).toBeVisible();
  await expect(page.getByText('No contraindications or precautions recorded.')).toBeVisible();
});
