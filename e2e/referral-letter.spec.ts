import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { demoAdmin, expect, newPerson, otherClinicAdmin, signIn, test } from './fixtures';

const SCREENS = 'test-results/screens';

/** The PDF Chromium prints of the page, its text (pdftotext) and its page count and size (pdfinfo). */
async function printed(page: Page, name: string) {
  fs.mkdirSync(SCREENS, { recursive: true });
  const file = `${SCREENS}/${name}.pdf`;
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info);
  // A page image to look at (pdftoppm), beside the PDF.
  execFileSync('pdftoppm', ['-png', '-r', '60', file, `${SCREENS}/${name}`]);
  return { text: text.replace(/\s+/g, ' '), pages, width: Number(size?.[1]), height: Number(size?.[2]) };
}

test('a referral letter prints on at most two pages of A4 or US Letter with what the provider needs, and printing is recorded', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/patients?q=James');
  await page.getByRole('link', { name: 'James O’Connor' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientPath = new URL(page.url()).pathname;
  const dose = (await page.getByTestId('plan-item-dose').first().textContent())!.trim();
  expect(dose).toMatch(/Hold|Roll for/);

  await page.getByRole('link', { name: 'Refer to in-person care' }).click();
  const form = page.getByRole('form', { name: 'Refer the patient' });
  const provider = await form.locator('option', { hasText: 'Willamette Physical Therapy' }).getAttribute('value');
  await form.getByLabel('Refer to').selectOption(provider!);
  await form.getByLabel('Reason').fill('Thoracic stiffness with known osteopenia: supervised, graded loading.');
  await form.getByLabel('Urgency').selectOption('soon');
  await form.getByLabel('What you ask').selectOption('assess_and_report');
  await form.getByLabel('The patient knows about this referral and agrees to it').check();
  await form.getByRole('button', { name: 'Refer and mark sent' }).click();
  await expect(page).toHaveURL(new RegExp(`${patientPath}\\?referred=1`));
  const referral = page.getByTestId('referral').filter({ hasText: 'Willamette Physical Therapy' }).first();

  await referral.getByRole('link', { name: 'Letter to Willamette Physical Therapy' }).click();
  await expect(page).toHaveURL(/\/referrals\/[0-9a-f-]{36}\/letter$/);
  const letterPath = new URL(page.url()).pathname;
  const letter = page.getByTestId('referral-letter');
  await expect(letter).toContainText('Referral: James O’Connor');
  // A clinic in America/Los_Angeles prints on US Letter unless asked otherwise.
  await expect(page.getByRole('link', { name: 'US Letter' })).toHaveAttribute('aria-current', 'true');
  await page.screenshot({ path: `${SCREENS}/referral-letter.png`, fullPage: true });
  await expectNoViolations(page, 'referral letter');

  // The browser's dialog is the one part not ours: count the calls instead of opening it.
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.getByRole('button', { name: 'Print letter' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  const letterPdf = await printed(page, 'referral-letter-us-letter');
  expect(letterPdf.pages).toBeLessThanOrEqual(2);
  expect([letterPdf.width, letterPdf.height]).toEqual([612, 792]);
  for (const expected of [
    'James O’Connor',
    'Thoracic stiffness with known osteopenia: supervised, graded loading.',
    'Osteopenia or osteoporosis',
    'DEXA 2024: T-score −1.8 at the lumbar spine',
    dose.replace(/\s+/g, ' '),
    demoAdmin.email,
    'Harbour Street Chiropractic',
    'Please send a short report',
  ])
    expect(letterPdf.text, expected).toContain(expected);
  expect(letterPdf.text).not.toContain('Print letter');

  await page.getByRole('link', { name: 'A4' }).click();
  await expect(page).toHaveURL(/paper=a4$/);
  await expect(page.getByRole('link', { name: 'A4' })).toHaveAttribute('aria-current', 'true');
  const a4 = await printed(page, 'referral-letter-a4');
  expect(a4.pages).toBeLessThanOrEqual(2);
  expect([Math.round(a4.width), Math.round(a4.height)]).toEqual([595, 842]);

  // The referral's history says who printed it.
  await page.goto(patientPath);
  await expect(referral).toContainText('Letter printed');

  // Another clinic gets not-found for the letter, and nothing of the patient.
  const b = await newPerson(browser);
  await signIn(b.page, otherClinicAdmin.email, otherClinicAdmin.password);
  const response = await b.page.goto(letterPath);
  expect(response?.status()).toBe(404);
  await expect(b.page.locator('body')).not.toContainText('James O’Connor');
  await b.context.close();
});
