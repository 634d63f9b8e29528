import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expectNoViolations } from './axe';
import { demoAdmin, expect, newLinkFor, newPerson, otherClinicAdmin, phoneContext, signIn, test } from './fixtures';

const SCREENS = 'test-results/screens';

/** Prints the page to PDF as Chromium does, with its text, page count and size, and page images. */
async function printed(page: Page, name: string) {
  fs.mkdirSync(SCREENS, { recursive: true });
  const file = `${SCREENS}/${name}.pdf`;
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const pageText = (n: number) =>
    execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
  const texts = Array.from({ length: pages }, (_, i) => pageText(i + 1));
  const size = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec(info);
  execFileSync('pdftoppm', ['-png', '-r', '110', file, `${SCREENS}/${name}`]);
  const images = fs
    .readdirSync(SCREENS)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => `${SCREENS}/${f}`);
  return {
    text: texts.join(' '),
    /** The plan itself: every page but a last one that holds the log grid alone. */
    plan: (texts.at(-1)?.trim().startsWith('Your log') ? texts.slice(0, -1) : texts).join(' '),
    texts,
    images,
    pages,
    size: [Math.round(Number(size?.[1])), Math.round(Number(size?.[2]))],
  };
}

/**
 * A three-exercise plan fits on two pages; the log grid goes on a page of its own when it does
 * not fit beside the exercises, and is never split.
 */
function expectFit(sheet: Awaited<ReturnType<typeof printed>>, names: string[]) {
  const planPages = sheet.texts.at(-1)?.trim().startsWith('Your log') ? sheet.pages - 1 : sheet.pages;
  expect(planPages).toBeLessThanOrEqual(2);
  expect(sheet.pages).toBeLessThanOrEqual(3);
  expect(sheet.texts.filter((t) => t.includes('Your log for the next two weeks'))).toHaveLength(1);
  const logPage = sheet.texts.find((t) => t.includes('Your log for the next two weeks'))!;
  // All fourteen days on that one page.
  expect(logPage.match(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} \w{3}\b/g)?.length).toBeGreaterThanOrEqual(14);
  for (const name of names) expect(sheet.plan, name).toContain(name);
  expect(sheet.plan).toContain('Stop and get help');
}

/** The address in the first QR code found on the printed pages (jsQR reads the rendered image). */
function qrOnPages(images: string[]): string | null {
  for (const file of images) {
    const png = PNG.sync.read(fs.readFileSync(file));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (code) return code.data;
  }
  return null;
}

/** window.print opens the browser's dialog, the one part not ours: count the calls instead. */
async function countPrints(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => {
      w.printed++;
    };
  });
  return () => page.evaluate(() => (window as unknown as { printed: number }).printed);
}

test('a practitioner prints a three-exercise handout whose QR code opens the plan; reprinting replaces the link', async ({
  page,
  browser,
}) => {
  test.setTimeout(150_000);
  const prints = await countPrints(page);
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/patients?q=Grace');
  await page.getByRole('link', { name: 'Grace Kim' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientPath = new URL(page.url()).pathname;
  const names = (await page.getByTestId('plan-item').getByRole('link').allTextContents()).map((n) =>
    n.replace(/^\d+\.\s*/, ''),
  );
  expect(names).toHaveLength(3);

  // "Print handout" opens the sheet and the print dialog at once, with a new link for the QR code.
  await page.getByRole('link', { name: 'Print handout' }).click();
  await expect(page).toHaveURL(/\/handout\?print=1$/);
  await expect(page.getByTestId('handout-qr')).toBeVisible();
  await expect.poll(prints).toBe(1);
  const sheet = page.getByTestId('handout');
  for (const name of names) await expect(sheet).toContainText(name);
  await page.screenshot({ path: `${SCREENS}/handout.png`, fullPage: true });
  await expectNoViolations(page, 'handout');

  const letter = await printed(page, 'handout-us-letter');
  expect(letter.size).toEqual([612, 792]);
  expectFit(letter, names);
  for (const expected of [
    ...names,
    'Sessions a day',
    '1 min',
    '30 s',
    'Stop and get help',
    'call 911 now',
    '+1 503 555 0142',
    'Your log for the next two weeks',
    'does not replace',
  ])
    expect(letter.text, expected).toContain(expected);
  expect(letter.text).not.toContain('Print handout');
  const qrUrl = qrOnPages(letter.images);
  expect(qrUrl).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
  expect(letter.text.replace(/\s/g, '')).toContain(qrUrl!);

  // The QR code opens the patient's plan on a phone.
  const phone = await phoneContext(browser);
  await phone.page.goto(qrUrl!);
  await expect(phone.page.getByRole('heading', { name: 'Hello, Grace' })).toBeVisible();
  await phone.context.close();

  // A4, without a QR code this time: the earlier printed link is offered only as a replacement.
  await page.goto(`${patientPath}/handout?paper=a4`);
  await expect(page.getByLabel(/QR code: a new link \(the sheet printed .+ stops opening the plan\)/)).toBeChecked();
  await page.getByLabel('No QR code').check();
  await page.getByRole('button', { name: 'Print handout' }).click();
  await expect.poll(prints).toBe(1);
  const a4 = await printed(page, 'handout-a4');
  expect(a4.size).toEqual([595, 842]);
  expectFit(a4, names);
  await expect(page.getByTestId('handout')).toContainText('Open the link Harbour Street Chiropractic gave you');
  expect(a4.text).toContain('Open the link Harbour Street Chiropractic');
  expect(qrOnPages(a4.images)).toBeNull();

  // Reprinting with a QR code revokes the printed link and issues another.
  await page.goto(`${patientPath}/handout`);
  await page.getByRole('button', { name: 'Print handout' }).click();
  await expect(page.getByTestId('handout-url')).not.toHaveText(qrUrl!);
  const old = await phoneContext(browser);
  await old.page.goto(qrUrl!);
  await expect(old.page.getByRole('heading', { name: 'Hello, Grace' })).toHaveCount(0);
  await old.context.close();

  // Each print is in the plan's history, and the links list names the printed one.
  await page.goto(`${patientPath}/plan`);
  const history = page.getByTestId('handout-prints');
  await expect(history).toContainText('with a QR code link · US Letter');
  await expect(history).toContainText('without a link · A4');
  await page.goto(patientPath);
  await expect(page.getByText(/^Printed handout \d{1,2} \w+ \d{4}$/).first()).toBeVisible();

  // Another clinic gets not-found for the handout.
  const b = await newPerson(browser);
  await signIn(b.page, otherClinicAdmin.email, otherClinicAdmin.password);
  const response = await b.page.goto(`${patientPath}/handout`);
  expect(response?.status()).toBe(404);
  await expect(b.page.locator('body')).not.toContainText('Grace Kim');
  await b.context.close();
});

test('a discharged patient gets a clear message and no handout', async ({ page }) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/patients?q=Olivia&status=all');
  await page.getByRole('link', { name: 'Olivia Brown' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('link', { name: 'Print handout' })).toHaveCount(0);
  await page.goto(`${new URL(page.url()).pathname}/handout`);
  await expect(page.getByRole('heading', { name: 'No handout for a discharged patient' })).toBeVisible();
  await expect(page.getByTestId('handout')).toHaveCount(0);
});

test('a patient prints their own copy from the phone, with no QR code and no new link', async ({ page, browser }) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  const linkPath = await newLinkFor(page, 'Grace Kim');
  const links = page.getByTestId('patient-link');
  const before = await links.count();
  const phone = await phoneContext(browser);
  const prints = await countPrints(phone.page);
  await phone.page.goto(linkPath);
  await phone.page.getByRole('link', { name: 'Print my plan' }).click();
  await expect(phone.page).toHaveURL(/\/p\/handout\?print=1$/);
  await expect.poll(prints).toBe(1);
  await expect(phone.page.getByTestId('handout')).toContainText('Open the link Harbour Street Chiropractic gave you');
  await expect(phone.page.getByTestId('handout-qr')).toHaveCount(0);
  const copy = await printed(phone.page, 'handout-patient-copy');
  expectFit(copy, ['Upper-back roll in a low bridge', 'Segmental mobilization on a firm roller']);
  expect(qrOnPages(copy.images)).toBeNull();
  await phone.context.close();
  await page.reload();
  // The patient's print issued no link, and shows in the plan's history.
  await expect(links).toHaveCount(before);
  await page.goto(`${new URL(page.url()).pathname}/plan`);
  await expect(page.getByTestId('handout-prints').first()).toContainText('by the patient · without a link');
});
