import { DEMO_PATIENT_LINK } from '../scripts/seed/demo-accounts';
import { expect, test } from './fixtures';

// The smallest phone the product is built for, at 100 % text.
test.use({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

test('on a 360×640 phone the timer’s Start and Pause sit on the first screen of each hold', async ({ page }) => {
  await page.clock.install({ time: new Date(Date.now() - 60 * 60_000) });
  await page.goto(`/p/${DEMO_PATIENT_LINK.token}`);
  await page.screenshot({ path: 'test-results/screens/phone-360-top.png' });
  await page.getByRole('button', { name: 'Start a session' }).click();
  await page.getByRole('button', { name: 'Skip and start' }).click();
  const start = page.getByRole('button', { name: 'Start', exact: true });
  await expect(start).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: 'test-results/screens/phone-360-timer.png' });
  await start.click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeInViewport({ ratio: 1 });
  // The next hold: its Start is on screen without scrolling.
  await page.clock.fastForward('01:01');
  await expect(page.getByTestId('timer-progress')).toHaveText('Roll 2 of 3');
  await expect(start).toBeInViewport({ ratio: 1 });
  // No sideways scrolling anywhere on the page.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('at 200 % text the 14-day strip keeps every figure inside its day', async ({ page }) => {
  await page.goto(`/p/${DEMO_PATIENT_LINK.token}`);
  await page.evaluate(() => {
    document.documentElement.style.fontSize = '200%';
  });
  const strip = page.getByTestId('history');
  await strip.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screens/phone-360-strip-200.png' });
  const clipped = await strip.evaluate(
    (list) => [...list.querySelectorAll('li')].filter((li) => li.scrollWidth > li.clientWidth + 1).length,
  );
  expect(clipped).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
