import crypto from 'node:crypto';
import { type Browser, type BrowserContext, devices, type Page, expect, test as base } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../scripts/seed/demo-accounts';

export const demoAdmin = DEMO_ACCOUNTS[0];
export const demoPractitioner = DEMO_ACCOUNTS[1];
export const otherClinicAdmin = DEMO_ACCOUNTS[2];

export const uniqueEmail = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString('hex')}@e2e.example.com`;

/** The sign-in page, as a person uses it. */
export class LoginPage {
  constructor(readonly page: Page) {}

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/login');
  }

  /** Fills and submits the form, and waits until the server has answered and the form has settled. */
  async signIn(email: string, password: string) {
    const password_ = this.page.getByLabel('Password');
    await this.page.getByLabel('Email').fill(email);
    await password_.fill(password);
    await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST'),
      this.page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
  }

  /** After a refused attempt React resets the form; wait for that before typing again. */
  async settled() {
    await expect(this.page.getByLabel('Password')).toHaveValue('');
  }

  error() {
    return this.page.getByTestId('login-error');
  }
}

export async function signIn(page: Page, email: string, password: string) {
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  await expect(page).toHaveURL(/\/(dashboard|account\/password)/);
}

/** An admin adds a practitioner on the team page (the admin's page must be signed in). */
export async function addPractitioner(page: Page, name: string, email: string, temporaryPassword: string) {
  await page.goto('/settings/team');
  const form = page.getByRole('form', { name: 'Add a practitioner' });
  await form.getByLabel('Full name').fill(name);
  await form.getByLabel('Email (their sign-in)').fill(email);
  await form.getByLabel('Discipline').selectOption('chiropractor');
  await form.getByLabel('Temporary password').fill(temporaryPassword);
  await form.getByRole('button', { name: 'Add practitioner' }).click();
  await expect(page.getByTestId(`member-${email}`)).toBeVisible();
}

/** A separate browser (own cookies), like a second person at another computer. */
export async function newPerson(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/**
 * Points a hidden form field at another id, as an attacker editing the page would. Waits for
 * hydration first, or React would put the original value back.
 */
export async function forgeField(page: Page, selector: string, value: string) {
  await page.waitForLoadState('networkidle');
  const field = page.locator(selector).first();
  await field.evaluate((el, v) => ((el as HTMLInputElement).value = v), value);
  await expect(field).toHaveValue(value);
}

export const test = base;
export { expect };

const phone = devices['Pixel 7'];

/** A Pixel 7 with its own cookies, as the patient's phone. */
export async function phoneContext(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...phone });
  return { context, page: await context.newPage() };
}

export async function choosePain(page: Page, legend: string, value: number) {
  await page.getByRole('group', { name: legend }).getByText(String(value), { exact: true }).click();
}

/** The practitioner creates a link for a patient and reads it off the screen, as they would to copy it. */
export async function newLinkFor(page: Page, patient: string): Promise<string> {
  await page.goto(`/patients?q=${encodeURIComponent(patient)}`);
  await page.getByRole('link', { name: patient }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  await page.getByRole('form', { name: 'Create a link' }).getByLabel('Label').fill('E2E phone');
  await page.getByRole('button', { name: 'Create link' }).click();
  const url = await page.getByTestId('new-link-url').inputValue();
  expect(url).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
  return new URL(url).pathname;
}
