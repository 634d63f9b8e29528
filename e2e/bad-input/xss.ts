import type { Page } from '@playwright/test';
import type { Form } from '../../testing/access-registry';

/**
 * What every text field gets: markup that runs `__xss()` if it is ever parsed as HTML, and a
 * formula start a spreadsheet would run. The short one fits fields of 40 to 80 characters.
 */
export const LONG_PAYLOAD = `＝HYPERLINK("http://evil.example")<img src=x onerror=__xss(1)>"><svg onload=__xss(2)>`;
export const SHORT_PAYLOAD = `=1+1<script>__xss(3)</script>`;
export const MARKER = '__xss(';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The form with every free-text value set to `payload`: words with spaces, or blank. Ids, numbers,
 * choices (`joint_mobility`, `yes`), emails and timezones have none, and keep their values.
 */
export function withPayload(form: Form, payload: string): Form {
  return Object.fromEntries(
    Object.entries(form).map(([key, value]) => [
      key,
      typeof value === 'string' && (value === '' || /\s/.test(value)) && !UUID.test(value) ? payload : value,
    ]),
  );
}

declare global {
  interface Window {
    __xss?: (n: unknown) => void;
    __xssHits?: string[];
  }
}

/** Before any page script: a `__xss` that records a call, so a payload that runs is seen. */
export async function watchForPayloads(page: Page, hits: string[]) {
  await page.addInitScript(() => {
    window.__xssHits = [];
    window.__xss = (n) => window.__xssHits!.push(String(n));
  });
  page.on('dialog', (dialog) => {
    hits.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
}

export type PageFindings = { ran: string[]; injected: string[]; shown: boolean };

/**
 * On the page as it stands: calls that ran, elements or attributes a payload would have made
 * (any `on…` attribute: React never renders one; markup from the payloads; `javascript:` links;
 * a script holding a payload outside Next's own data), and whether a payload shows as text.
 */
export function findings(page: Page): Promise<PageFindings> {
  return page.evaluate((marker) => {
    const injected: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) injected.push(`<${el.localName} ${attr}>`);
      }
    }
    for (const el of document.querySelectorAll('img[src="x"], iframe[srcdoc], a[href^="javascript:" i]'))
      injected.push(el.outerHTML.slice(0, 80));
    for (const script of document.scripts) {
      const text = script.textContent ?? '';
      if (text.includes(marker) && !text.includes('__next_f')) injected.push(`script: ${text.slice(0, 60)}`);
    }
    return { ran: window.__xssHits ?? [], injected, shown: document.body.innerText.includes(marker) };
  }, MARKER);
}
