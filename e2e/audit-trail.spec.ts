import { expectNoViolations } from './axe';
import { demoAdmin, demoPractitioner, expect, newPerson, otherClinicAdmin, signIn, test } from './fixtures';

test('an admin views a patient, then finds that view in the audit trail, filters it and exports it', async ({
  page,
}) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/patients?q=Maria');
  await page.getByRole('link', { name: 'Maria Lopez' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientId = page.url().split('/patients/')[1]!;

  await page.getByRole('link', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  // Newest first: the view just made, with the names joined from the row's ids.
  const newest = page.getByTestId('audit-row').first();
  await expect(newest).toContainText('Viewed patient');
  await expect(newest).toContainText('Dana');
  await expect(newest).toContainText('Maria Lopez');
  await expect(page.getByTestId('audit-row').filter({ hasText: 'Signed in' }).first()).toBeVisible();
  await expectNoViolations(page, 'audit trail');

  const filters = page.getByRole('search', { name: 'Filter the audit trail' });
  await filters.getByLabel('Patient').selectOption({ label: 'Maria Lopez' });
  await filters.getByLabel('Action').selectOption({ label: 'Viewed patient' });
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`patient=${patientId}`));
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toContainText('Viewed patient');
  for (const text of await rows.allTextContents()) {
    expect(text).toContain('Viewed patient');
    expect(text).toContain('Maria Lopez');
  }

  // A date the app cannot mean is refused with a field message, not a 500.
  const bad = await page.goto('/settings/audit?from=0000-01-01');
  expect(bad?.status()).toBe(200);
  await expect(page.getByTestId('audit-from-error')).toContainText('between 2000 and 2100');

  await page.goto(`/settings/audit?patient=${patientId}&action=patient.viewed`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-trail-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await download.createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  });
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toContain('"time_utc","action"');
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) {
    expect(line).toContain('"patient.viewed"');
    expect(line).toContain(`"${patientId}"`);
  }
  // The export is itself on the trail.
  await page.goto('/settings/audit?action=export.downloaded');
  await expect(page.getByTestId('audit-row').first()).toContainText('export: audit');
});

test('unauthorized access: another clinic’s admin sees none of clinic A’s trail, a practitioner gets 403', async ({
  page,
  browser,
}) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/patients?q=Maria');
  await page.getByRole('link', { name: 'Maria Lopez' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientId = page.url().split('/patients/')[1]!;

  const priya = await newPerson(browser);
  await signIn(priya.page, otherClinicAdmin.email, otherClinicAdmin.password);
  const viewer = await priya.page.goto(`/settings/audit?patient=${patientId}`);
  expect(viewer?.status()).toBe(200);
  await expect(priya.page.locator('#main')).not.toContainText('Maria Lopez');
  await expect(priya.page.locator('#main')).not.toContainText('Dana');
  const csv = await priya.page.request.get(`/api/exports/audit.csv?patient=${patientId}`);
  expect(csv.status()).toBe(200);
  const body = await csv.text();
  expect(body).not.toContain(patientId);
  expect(body).not.toContain('Maria Lopez');
  // Her own refused try at clinic A's patient is on her clinic's trail, without the patient's name.
  expect((await priya.page.goto(`/patients/${patientId}`))?.status()).toBe(404);
  await priya.page.goto('/settings/audit?action=access.denied');
  await expect(priya.page.getByTestId('audit-row').first()).toContainText('Access denied');
  await expect(priya.page.locator('#main')).not.toContainText('Maria Lopez');
  await priya.context.close();

  const sam = await newPerson(browser);
  await signIn(sam.page, demoPractitioner.email, demoPractitioner.password);
  expect((await sam.page.goto('/settings/audit'))?.status()).toBe(403);
  expect((await sam.page.request.get('/api/exports/audit.csv')).status()).toBe(403);
  await expect(sam.page.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
  await sam.context.close();
});
