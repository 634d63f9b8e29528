import crypto from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { demoAdmin, demoPractitioner, expect, newPerson, otherClinicAdmin, signIn, test } from './fixtures';

/** WCAG 2.1 A and AA, as e2e/accessibility.spec.ts checks every other screen. */
async function expectNoViolations(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(found, name).toEqual([]);
}

test('an admin adds a provider, finds it by search and by tag, and archives it; a practitioner only reads; another clinic gets 404', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const suffix = crypto.randomBytes(3).toString('hex');
  const name = `Lakeside Spine Clinic ${suffix}`;
  const tag = `e2e-${suffix}`;

  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).click();
  await expect(page.getByRole('heading', { name: 'Referral directory' })).toBeVisible();
  await expect(page.getByTestId('directory-row').filter({ hasText: 'Harbour Street Chiropractic' })).toBeVisible();
  await expectNoViolations(page, '/directory');

  await page.getByRole('link', { name: 'Add provider' }).click();
  await expect(page).toHaveURL(/\/directory\/new$/);
  await expectNoViolations(page, '/directory/new');
  const form = page.getByRole('form', { name: 'Add provider' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Discipline').selectOption('osteopath');
  await form.getByLabel('Organisation').fill('Lakeside Health');
  await form.getByLabel('Services and tags').fill(`Thoracic, ${tag}`);
  await form.getByLabel('Languages').fill('English, Spanish');
  await form.getByLabel('Phone').fill('+1 503 555 0111');
  await form.getByLabel('Internal notes').fill('Ask for the spine team.');
  // A script address is refused beside its field, and what was typed stays.
  await form.getByLabel('Website').fill('javascript:alert(1)');
  await form.getByRole('button', { name: 'Add provider' }).click();
  await expect(page.getByTestId('provider-website-error')).toContainText('https://');
  await expect(form.getByLabel('Name')).toHaveValue(name);
  await expect(form.getByLabel('Services and tags')).toHaveValue(`Thoracic, ${tag}`);
  await form.getByLabel('Website').fill('https://lakeside.example.com');
  await form.getByRole('button', { name: 'Add provider' }).click();
  await expect(page).toHaveURL(/\/directory\/[0-9a-f-]{36}\?added=1$/);
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  const providerPath = new URL(page.url()).pathname;
  await expectNoViolations(page, providerPath);

  // By search, whatever the case.
  await page.goto('/directory');
  await page.getByLabel('Search').fill(`LAKESIDE SPINE CLINIC ${suffix}`);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('directory-row')).toHaveCount(1);
  await expect(page.getByTestId('directory-row')).toContainText(name);
  // By tag.
  await page.goto('/directory');
  await page.getByLabel('Service or tag').selectOption(tag);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  await expect(page.getByTestId('directory-row')).toHaveCount(1);
  await expect(page.getByTestId('directory-row')).toContainText(name);

  // Archive: gone from the list, still readable with a badge, and restorable.
  await page.goto(providerPath);
  await page.getByRole('button', { name: `Archive ${name}` }).click();
  await expect(page.getByRole('button', { name: `Restore ${name}` })).toBeVisible();
  await expect(page.getByText('Archived', { exact: true }).first()).toBeVisible();
  await page.goto(`/directory?q=${encodeURIComponent(name)}`);
  await expect(page.getByTestId('directory-row')).toHaveCount(0);
  await page.goto(`/directory?q=${encodeURIComponent(name)}&archived=1`);
  await expect(page.getByTestId('directory-row')).toContainText('Archived');

  await page.goto('/directory/import');
  await expectNoViolations(page, '/directory/import');

  // A practitioner reads the directory and the archived entry, internal notes included, and changes nothing.
  const sam = await newPerson(browser);
  await signIn(sam.page, demoPractitioner.email, demoPractitioner.password);
  await sam.page.goto('/directory');
  await expect(sam.page.getByTestId('directory-row').first()).toBeVisible();
  await expect(sam.page.getByRole('link', { name: 'Add provider' })).toHaveCount(0);
  await expect(sam.page.getByRole('link', { name: 'Import CSV' })).toHaveCount(0);
  await sam.page.goto(providerPath);
  await expect(sam.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(sam.page.getByText('Ask for the spine team.')).toBeVisible();
  await expect(sam.page.getByRole('heading', { name: 'Edit' })).toHaveCount(0);
  await expect(sam.page.getByRole('button', { name: /Archive|Restore/ })).toHaveCount(0);
  expect((await sam.page.goto('/directory/new'))?.status()).toBe(403);
  expect((await sam.page.goto('/api/exports/directory.csv'))?.status()).toBe(403);
  await sam.context.close();

  // Unauthorized access: another clinic's admin gets a real 404 and never sees the name.
  const priya = await newPerson(browser);
  await signIn(priya.page, otherClinicAdmin.email, otherClinicAdmin.password);
  const response = await priya.page.goto(providerPath);
  expect(response?.status()).toBe(404);
  await expect(priya.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(priya.page.locator('body')).not.toContainText(name);
  await priya.page.goto(`/directory?q=${encodeURIComponent(name)}&archived=1`);
  await expect(priya.page.getByTestId('directory-row')).toHaveCount(0);
  const csv = await priya.page.request.get('/api/exports/directory.csv');
  expect(csv.status()).toBe(200);
  expect(await csv.text()).not.toContain(name);
  await priya.context.close();
});
