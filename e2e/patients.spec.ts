import crypto from 'node:crypto';
import type { Page } from '@playwright/test';
import { DEMO_PATIENT_LINK } from '../scripts/seed/demo-accounts';
import { demoAdmin, expect, signIn, test } from './fixtures';

async function createPatient(page: Page, name: string) {
  await page.goto('/patients/new');
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Birth year (optional)').fill('1971');
  await page.getByRole('button', { name: 'Add patient' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  return page.url().split('/patients/')[1]!.split('?')[0]!;
}

/** Answers every screening question "No", then "Yes" for the named conditions. */
async function screen(page: Page, patientId: string, yes: { label: string; note?: string }[]) {
  await page.goto(`/patients/${patientId}/screening`);
  const groups = page.getByRole('radiogroup');
  await expect(groups).toHaveCount(16);
  for (let i = 0; i < 16; i++) await groups.nth(i).getByLabel('No').check();
  for (const item of yes) {
    await page.getByRole('radiogroup', { name: item.label }).getByLabel('Yes').check();
    if (item.note) await page.getByLabel(`Note on ${item.label}`).fill(item.note);
  }
  await page.getByRole('button', { name: 'Save screening' }).click();
  await expect(page.getByText('Screening saved.')).toBeVisible();
}

test.describe('from new patient to an adjusted plan', () => {
  test('create, screen with a precaution, assign a template with a reason, adjust, see the history', async ({
    page,
  }) => {
    await signIn(page, demoAdmin.email, demoAdmin.password);
    const id = await createPatient(page, 'Rosa Delgado');
    await expect(page.getByText('Patient added. Next, screen them')).toBeVisible();

    // Screening must come first.
    await page.goto(`/patients/${id}/plan/new`);
    await expect(page.getByText('Screen this patient for contraindications before assigning exercises.')).toBeVisible();

    await screen(page, id, [{ label: 'Osteopenia or osteoporosis', note: 'DEXA T-score −1.6' }]);
    await expect(page.getByText('Precaution')).toBeVisible();

    await page.getByRole('link', { name: 'Assign a plan' }).click();
    await page.getByLabel('Start from a template').selectOption({ label: 'Desk worker — week 1' });
    await expect(page.getByTestId('editor-item')).toHaveCount(2);
    await page.screenshot({ path: 'test-results/screens/assign-plan.png', fullPage: true });

    // Without reasons for the precaution the server refuses and says why.
    await page.getByRole('button', { name: 'Assign plan' }).click();
    await expect(page.getByTestId('plan-form-error')).toHaveText(
      'Some exercises need a reason before they can be assigned.',
    );
    const reasons = page.getByLabel('Your reason for assigning it anyway');
    await expect(reasons).toHaveCount(2);
    await reasons.nth(0).fill('Light pressure only; reviewed bone density report.');
    await reasons.nth(1).fill('Short supported holds only, no loaded flexion.');
    await page.getByRole('button', { name: 'Assign plan' }).click();
    await expect(page.getByText('Plan assigned.')).toBeVisible();
    await expect(page.getByTestId('version-entry')).toHaveCount(1);
    await expect(page.getByTestId('version-entry').first()).toContainText('Precaution acknowledged');

    // Adjust the extension: longer hold, two sessions a day.
    const form = page.getByRole('form', { name: 'Adjust the plan' });
    const extension = form.getByRole('listitem', { name: /extension/i });
    await extension.getByLabel('Hold (seconds)').fill('45');
    await extension.getByLabel('Sessions per day').fill('2');
    await form.getByLabel('Reason for the change').fill('Tolerating well after two weeks');
    await form.getByRole('button', { name: 'Save as a new version' }).click();
    await expect(page.getByTestId('version-entry')).toHaveCount(2);
    const latest = page.getByTestId('version-entry').first();
    await expect(latest).toContainText('Version 2');
    await expect(latest).toContainText('Tolerating well after two weeks');
    await expect(latest.getByTestId('version-changes')).toContainText('hold 30 s → 45 s');
    await expect(latest.getByTestId('version-changes')).toContainText('sessions 1/day → 2/day');
    await expect(page.getByTestId('plan-item-dose').nth(1)).toContainText('Hold 45 seconds');
    await expect(page.getByTestId('plan-item-dose').nth(1)).toContainText('twice a day');
    await page.screenshot({ path: 'test-results/screens/plan.png', fullPage: true });

    // A dose outside the exercise's limits is refused.
    await extension.getByLabel('Hold (seconds)').fill('5000');
    await form.getByLabel('Reason for the change').fill('Typo test');
    await form.getByRole('button', { name: 'Save as a new version' }).click();
    // Refused beside the field, with the exercise's own limits; everything typed stays.
    await expect(extension.getByText(/Hold time for .+ must be between 30 and 300 seconds\./)).toBeVisible();
    await expect(extension.getByLabel('Hold (seconds)')).toHaveAttribute('aria-invalid', 'true');
    await expect(extension.getByLabel('Hold (seconds)')).toHaveValue('5000');
    await expect(form.getByLabel('Reason for the change')).toHaveValue('Typo test');
    await expect(page.getByTestId('version-entry')).toHaveCount(2);
  });

  test('an absolute contraindication blocks the exercise on the server', async ({ page }) => {
    await signIn(page, demoAdmin.email, demoAdmin.password);
    const id = await createPatient(page, 'Victor Hale');
    await screen(page, id, [{ label: 'Acute vertebral or rib fracture' }]);
    await page.goto(`/patients/${id}/plan/new`);
    await page.getByLabel('Add an exercise').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByText(/Not suitable: Acute vertebral or rib fracture/)).toBeVisible();
    await page.getByRole('button', { name: 'Assign plan' }).click();
    await expect(page.getByTestId('plan-form-error')).toContainText(
      'cannot be assigned: the screening records “Acute vertebral or rib fracture”',
    );
    await expect(page.getByTestId('item-blocked')).toContainText('Consider in-person care');
    await page.goto(`/patients/${id}`);
    await expect(page.getByText('No active plan.')).toBeVisible();
    // The refusal leads to in-person care: a referral pre-filled with what the screening found.
    await page.goto(`/patients/${id}/plan/new`);
    await page.getByLabel('Add an exercise').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('link', { name: 'Refer the patient' }).click();
    await expect(page).toHaveURL(new RegExp(`/patients/${id}/referrals/new\\?`));
    await expect(page.getByRole('form', { name: 'Refer the patient' }).getByLabel('Reason')).toHaveValue(
      /Acute vertebral or rib fracture/,
    );
  });
});

test.describe('the roster', () => {
  test('search, sort and pagination live in the URL', async ({ page, playwright, baseURL }) => {
    await signIn(page, demoAdmin.email, demoAdmin.password);
    await page.goto('/patients?size=10');
    await expect(page.getByTestId('roster-row')).toHaveCount(10);
    await expect(page.getByTestId('roster-range')).toContainText('1–10 of');
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByTestId('roster-range')).toContainText('11–');

    await page.goto('/patients');
    await page.getByRole('button', { name: 'Patient' }).click();
    await expect(page).toHaveURL(/dir=desc/);
    const firstDesc = await page.getByTestId('roster-row').first().getByRole('link').textContent();
    await page.getByRole('button', { name: 'Patient' }).click();
    await expect(page).not.toHaveURL(/dir=desc/);
    const firstAsc = await page.getByTestId('roster-row').first().getByRole('link').textContent();
    expect(firstDesc).not.toEqual(firstAsc);

    // The roster has the dashboard's figures, sortable: a red flag Maria reports from her phone
    // puts her among the first by open alerts (other tests may have handled the demo's own).
    const phone = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
    expect((await phone.get(`/p/${DEMO_PATIENT_LINK.token}`)).status()).toBe(303);
    const flagged = await phone.post('/p/log', {
      data: {
        idempotencyKey: crypto.randomUUID(),
        performedAt: new Date().toISOString(),
        itemsDone: [],
        painBefore: 3,
        painAfter: 8,
        symptoms: [],
      },
    });
    expect(flagged.ok()).toBe(true);
    await phone.dispose();
    await page.goto('/patients?sort=alerts&dir=desc');
    const rows = page.getByTestId('roster-row');
    await expect(rows.filter({ hasText: DEMO_PATIENT_LINK.patientName })).toContainText(/\d+ open/);
    const openCounts = (await rows.allTextContents()).map((t) => Number(/(\d+) open/.exec(t)?.[1] ?? 0));
    expect(openCounts[0]).toBeGreaterThan(0);
    expect(openCounts).toEqual([...openCounts].sort((a, b) => b - a));
    await page.getByRole('button', { name: '7 days' }).click();
    await expect(page).toHaveURL(/sort=adherence7/);
    await expect(
      page
        .getByTestId('roster-row')
        .first()
        .getByRole('img', { name: /7-day adherence over the last 4 weeks/ }),
    ).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/roster-adherence.png', fullPage: true });

    await page.getByLabel('Search').fill('tanaka');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/q=tanaka/);
    await expect(page.getByTestId('roster-row')).toHaveCount(1);
    await expect(page.getByTestId('roster-row')).toContainText('Aiko Tanaka');
    await page.screenshot({ path: 'test-results/screens/roster.png', fullPage: true });

    await page.goto('/patients?status=discharged');
    await expect(page.getByTestId('roster-row')).toContainText(['Olivia Brown']);
  });
});

test('the exercise library and a patient page, as screenshots to look at', async ({ page }) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/exercises');
  await expect(page.getByRole('heading', { name: 'Soft tissue' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/exercises.png', fullPage: true });
  await page.getByRole('link', { name: 'Segmental mobilization on a firm roller' }).first().click();
  await expect(page.getByRole('heading', { name: 'Segmental mobilization on a firm roller' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/exercise.png', fullPage: true });
  await page.goto('/patients?q=O%E2%80%99Connor');
  await page.getByRole('link', { name: 'James O’Connor' }).click();
  await expect(page.getByText('Osteopenia or osteoporosis')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screens/patient-phone.png', fullPage: true });
});
