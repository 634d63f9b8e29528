import type { Page } from '@playwright/test';
import { demoAdmin, expect, newLinkFor, otherClinicAdmin, newPerson, phoneContext, signIn, test } from './fixtures';

async function openPlan(page: Page, name: string) {
  await page.goto(`/patients?q=${encodeURIComponent(name.split(' ')[0]!)}`);
  await page.getByRole('link', { name }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientPath = new URL(page.url()).pathname;
  await page.goto(`${patientPath}/plan`);
  return patientPath;
}

test('a practitioner applies a suggestion as a new version, seen on the plan page and the phone; a dismissed one stays hidden', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, demoAdmin.email, demoAdmin.password);
  // Tom Becker does a quarter of his sessions, with pain around 5: the rules suggest a change
  // (simplify, or a step down when his pain rose on the days the seed drew).
  const linkPath = await newLinkFor(page, 'Tom Becker');
  const tomPath = await openPlan(page, 'Tom Becker');
  const suggestion = page.getByTestId('progression-suggestion');
  await expect(suggestion.getByRole('heading')).toHaveText(/^(Simplify|Step down|Ready to progress): /);
  const headline = (await suggestion.getByRole('heading').textContent())!.trim();
  // With its reasons in words (which ones depends on the kind).
  await expect(suggestion.getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/progression-suggestion.png', fullPage: true });
  const versionsBefore = await page.getByTestId('version-entry').count();
  await suggestion.getByRole('button', { name: 'Apply as a new version' }).click();
  await expect(page.getByText(`Suggestion applied as version ${versionsBefore + 1}.`)).toBeVisible();
  const latest = page.getByTestId('version-entry').first();
  await expect(latest).toContainText(`Version ${versionsBefore + 1}`);
  await expect(latest).toContainText(`“${headline}”`);
  await expect(page.getByTestId('progression-suggestion')).toHaveCount(0);

  // The phone shows the new version at once, and says what changed until Tom has done a session of it.
  const phone = await phoneContext(browser);
  await phone.page.goto(linkPath);
  await expect(phone.page.getByRole('heading', { name: 'Hello, Tom' })).toBeVisible();
  await expect(phone.page.getByTestId('plan-changed')).toContainText(/Your plan changed on /);
  await expect(phone.page.getByTestId('plan-changed').getByRole('listitem').first()).toBeVisible();
  await phone.context.close();

  // Daniel Ruiz reported red flags: a step down, with in-person care. Dismissed, it stays hidden.
  const danielPath = await openPlan(page, 'Daniel Ruiz');
  const down = page.getByTestId('progression-suggestion');
  await expect(down.getByRole('heading')).toHaveText(/^Step down/);
  await expect(down.getByRole('link', { name: 'Refer to in-person care' })).toHaveAttribute(
    'href',
    /\/referrals\/new\?reason=Step\+down/,
  );
  await down.getByText('Dismiss', { exact: true }).click();
  const dismiss = down.getByRole('form', { name: 'Dismiss the suggestion' });
  await dismiss.getByRole('button', { name: 'Dismiss until the figures change' }).click();
  await expect(dismiss.getByText('Say why you are dismissing it.')).toBeVisible();
  await dismiss.getByLabel('Why not now?').fill('Seen in clinic today; keeping the dose until the imaging result.');
  await dismiss.getByRole('button', { name: 'Dismiss until the figures change' }).click();
  await expect(page.getByText('Suggestion dismissed. It comes back if the figures change.')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('progression-suggestion')).toHaveCount(0);

  // Another clinic sees neither plan, nor can it act on them.
  const b = await newPerson(browser);
  await signIn(b.page, otherClinicAdmin.email, otherClinicAdmin.password);
  for (const path of [`${tomPath}/plan`, `${danielPath}/plan`]) {
    const response = await b.page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  await b.context.close();
});
