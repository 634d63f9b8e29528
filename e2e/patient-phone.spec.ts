import { DEMO_PATIENT_LINK } from '../scripts/seed/demo-accounts';
import { choosePain, demoAdmin, expect, newLinkFor, newPerson, phoneContext, signIn, test } from './fixtures';

test('a patient opens their link on a phone and sees today’s plan, with the token gone from the address', async ({
  browser,
}) => {
  const { context, page } = await phoneContext(browser);
  const response = await page.goto(`/p/${DEMO_PATIENT_LINK.token}`);
  await expect(page).toHaveURL(/\/p$/);
  const headers = response?.headers() ?? {};
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cache-control']).toContain('no-store');
  expect(headers['x-robots-tag']).toContain('noindex');
  await expect(page.getByRole('heading', { name: 'Hello, Maria' })).toBeVisible();
  await expect(page.getByTestId('patient-exercise')).toHaveCount(2);
  await expect(page.getByTestId('history').getByRole('listitem')).toHaveCount(14);
  await page.screenshot({ path: 'test-results/screens/patient-phone-top.png' });
  // Nothing about the practitioner or other patients on the page.
  await expect(page.locator('body')).not.toContainText('Dana Whitfield');
  await expect(page.locator('body')).not.toContainText('O’Connor');
  await context.close();
});

test('guided session with a controlled clock, then a log with a red flag the practitioner sees', async ({
  browser,
}) => {
  const { context, page } = await phoneContext(browser);
  // The clock starts an hour ago so the fast-forwarded holds still end before "now" on the server.
  await page.clock.install({ time: new Date(Date.now() - 60 * 60_000) });
  await page.goto(`/p/${DEMO_PATIENT_LINK.token}`);
  await page.getByRole('button', { name: 'Start a session' }).click();
  // Pain before is asked at the start, and carried into the log.
  await choosePain(page, 'How much pain do you have right now?', 2);
  await page.getByRole('button', { name: 'Start the first exercise' }).click();

  const start = page.getByRole('button', { name: 'Start', exact: true });
  const rest = page.getByRole('button', { name: 'Skip the rest' });
  const next = page.getByRole('button', { name: 'Next exercise' });
  const finish = page.getByRole('button', { name: 'Finish and log the session' });
  let timers = 0;
  for (let guard = 0; guard < 40; guard++) {
    await expect(start.or(rest).or(next).or(finish).first()).toBeVisible();
    if (await finish.isVisible()) break;
    if (await next.isVisible()) {
      await next.click();
      continue;
    }
    if (await rest.isVisible()) {
      // The rest between sets runs by itself.
      await page.clock.fastForward('01:00');
      continue;
    }
    await expect(page.getByTestId('timer-progress')).toBeVisible();
    if (timers === 0) await page.screenshot({ path: 'test-results/screens/patient-timer.png' });
    await start.click();
    await page.clock.fastForward('06:00');
    timers++;
  }
  // Maria's plan: the roll 60 s × 3 and the extension 30 s × 3, one set each: every one is a timer.
  expect(timers).toBe(6);
  await finish.click();

  const form = page.getByRole('form', { name: 'Log your session' });
  await expect(form.getByRole('checkbox', { checked: true })).toHaveCount(2);
  await expect(
    page.getByRole('group', { name: 'Pain before the session' }).getByRole('radio', { name: '2' }),
  ).toBeChecked();
  await choosePain(page, 'Pain after the session', 7);
  await form.getByLabel('Tingling or numbness in the arms or hands').check();
  await form.getByRole('button', { name: 'Save my session' }).click();
  const guidance = page.getByTestId('red-flag-guidance');
  await expect(guidance).toBeVisible();
  await expect(guidance).toContainText(/elbows in/i);
  await expect(guidance).toContainText('+1 503 555 0142');
  await expect(guidance).toContainText(/has been told/);
  await page.screenshot({ path: 'test-results/screens/patient-red-flag.png', fullPage: true });
  await context.close();

  const practitioner = await newPerson(browser);
  await signIn(practitioner.page, demoAdmin.email, demoAdmin.password);
  await practitioner.page.goto('/patients?q=Maria');
  await practitioner.page.getByRole('link', { name: 'Maria Lopez' }).click();
  const latest = practitioner.page.getByTestId('session-log').first();
  await expect(latest).toContainText('Pain 2 → 7');
  await expect(latest).toContainText('Red flag');
  await expect(latest).toContainText('Tingling or numbness');
  await practitioner.context.close();
});

test('a log made offline is kept on the phone and delivered once when the connection returns', async ({
  browser,
  page,
}) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  const linkPath = await newLinkFor(page, 'Grace Kim');
  const patientPage = page.url();
  // Count the logs shown before (the demo patient has a history; the list shows the latest 20).
  const before = await page.getByTestId('session-log').count();
  const firstBefore = before ? await page.getByTestId('session-log').first().textContent() : null;

  const patient = await phoneContext(browser);
  await patient.page.goto(linkPath);
  await expect(patient.page.getByRole('heading', { name: 'Hello, Grace' })).toBeVisible();
  await patient.page.getByRole('button', { name: 'Log without the timer' }).click();
  const form = patient.page.getByRole('form', { name: 'Log your session' });
  await form.getByRole('checkbox').first().check();
  await choosePain(patient.page, 'Pain before the session', 3);
  await choosePain(patient.page, 'Pain after the session', 2);
  await patient.context.setOffline(true);
  await form.getByRole('button', { name: 'Save my session' }).click();
  await expect(
    patient.page.getByText('Saved on this phone. It will be sent when you are back online.', { exact: true }),
  ).toBeVisible();
  await patient.context.setOffline(false);

  // The new log shows at the top, once: pain 3 → 2 logged just now.
  const newest = () => page.getByTestId('session-log').first();
  await expect
    .poll(
      async () => {
        await page.goto(patientPage);
        return (await newest().textContent()) !== firstBefore;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  await expect(newest()).toContainText('Pain 3 → 2');
  const newestText = await newest().textContent();
  // Coming back online again, or reloading, does not send it twice.
  await patient.page.reload();
  await patient.context.setOffline(true);
  await patient.context.setOffline(false);
  await patient.page.waitForTimeout(1500);
  await page.goto(patientPage);
  await expect(newest()).toHaveText(newestText ?? '');
  await expect(page.getByTestId('session-log').nth(1)).not.toHaveText(newestText ?? '');
  await patient.context.close();
});

test('a revoked link stops working on the patient’s next request', async ({ browser, page }) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  const linkPath = await newLinkFor(page, 'Daniel Ruiz');
  const patient = await phoneContext(browser);
  await patient.page.goto(linkPath);
  await expect(patient.page.getByRole('heading', { name: 'Hello, Daniel' })).toBeVisible();

  await page.reload();
  const row = page.getByTestId('patient-link').filter({ hasText: 'E2E phone' });
  // Revoking asks first; keeping the link changes nothing.
  await row.getByRole('button', { name: 'Revoke link E2E phone' }).click();
  await row.getByRole('button', { name: 'Keep it' }).click();
  await expect(row).not.toContainText('Revoked');
  await row.getByRole('button', { name: 'Revoke link E2E phone' }).click();
  await expect(row.getByRole('button', { name: 'Yes, revoke' })).toBeFocused();
  await row.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(row).toContainText('Revoked');

  await patient.page.reload();
  await expect(patient.page.getByRole('heading', { name: 'This link is no longer active' })).toBeVisible();
  await expect(patient.page.getByText('+1 503 555 0142')).toBeVisible();
  await patient.page.goto(linkPath);
  await expect(patient.page.getByRole('heading', { name: 'This link is no longer active' })).toBeVisible();
  const unknown = await patient.page.goto('/p/not-a-real-token');
  expect(unknown?.status()).toBe(200);
  await expect(patient.page.getByRole('heading', { name: 'This link is no longer active' })).toBeVisible();
  await patient.context.close();

  // Each use of the revoked link is a refused access on the clinic's audit trail, naming the patient.
  await page.goto('/settings/audit?action=patient_link.refused');
  const refusals = page.getByTestId('audit-row').filter({ hasText: 'Daniel Ruiz' });
  await expect(refusals.filter({ hasText: 'opened: plan' }).first()).toContainText('reason: revoked');
  await expect(refusals.filter({ hasText: 'opened: link' }).first()).toContainText('Patient link refused');
});

test('a mistyped or someone else’s link leaves the phone’s own plan open; the same patient’s revoked link clears it', async ({
  browser,
  page,
}) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  const own = await newLinkFor(page, 'Daniel Ruiz');
  const patient = await phoneContext(browser);
  await patient.page.goto(own);
  await expect(patient.page.getByRole('heading', { name: 'Hello, Daniel' })).toBeVisible();

  // One character off, as a hand-typed or half-copied link would be.
  const typo = own.slice(0, -1) + (own.endsWith('A') ? 'B' : 'A');
  await patient.page.goto(typo);
  await expect(patient.page.getByRole('heading', { name: 'This link is no longer active' })).toBeVisible();
  await patient.page.getByRole('link', { name: 'Open my plan' }).click();
  await expect(patient.page.getByRole('heading', { name: 'Hello, Daniel' })).toBeVisible();

  // The clinic replaced Daniel's links: opening the revoked one ends what the phone holds.
  const replaced = await newLinkFor(page, 'Daniel Ruiz');
  await page.reload();
  // Links are listed newest first.
  const newest = page.getByTestId('patient-link').filter({ hasText: 'E2E phone' }).first();
  await newest.getByRole('button', { name: 'Revoke link E2E phone' }).click();
  await newest.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(newest).toContainText('Revoked');
  await patient.page.goto(replaced);
  await expect(patient.page.getByRole('heading', { name: 'This link is no longer active' })).toBeVisible();
  await expect(patient.page.getByRole('link', { name: 'Open my plan' })).toHaveCount(0);
  await patient.page.goto('/p');
  await expect(patient.page.getByRole('heading', { name: 'This link is no longer active' })).toBeVisible();
  await patient.context.close();
});

test('a chest-pain report is saved at once with nothing else answered, the emergency number first', async ({
  browser,
  page,
}) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  const linkPath = await newLinkFor(page, 'Tom Becker');
  const patientPage = page.url();
  const patient = await phoneContext(browser);
  await patient.page.goto(linkPath);
  await patient.page.getByRole('button', { name: 'Log without the timer' }).click();
  const form = patient.page.getByRole('form', { name: 'Log your session' });
  await form.getByLabel('Chest pain or getting out of breath').check();
  // Before Save: the emergency number to call, as a button.
  const now = patient.page.getByTestId('chest-now');
  await expect(now.getByRole('link', { name: 'Call 911 (emergency)' })).toHaveAttribute('href', 'tel:911');
  // No exercise ticked, no pain numbers: still saved.
  await form.getByRole('button', { name: 'Save my session' }).click();
  const guidance = patient.page.getByTestId('red-flag-guidance');
  await expect(guidance).toBeVisible();
  await expect(guidance.getByRole('link').first()).toHaveAccessibleName('Call 911 (emergency)');
  await expect(guidance.getByRole('link').nth(1)).toHaveAttribute('href', 'tel:+15035550142');
  await expect(guidance.getByTestId('clinic-hours')).toContainText('Monday to Friday: 08:00–18:00');
  await expect(guidance.getByTestId('clinic-hours')).toContainText('urgent care');
  await expect(guidance).toContainText(/has been told/);
  await expect(patient.page.getByText(/Choose a number for your pain/)).toHaveCount(0);
  await patient.page.screenshot({ path: 'test-results/screens/patient-chest-pain.png', fullPage: true });
  await patient.context.close();

  await page.goto(patientPage);
  const latest = page.getByTestId('session-log').first();
  await expect(latest).toContainText('Pain not given');
  await expect(latest).toContainText('Red flag');
  await expect(latest).toContainText('Chest pain');
});

test('offline, a tingling report with no pain numbers shows its guidance at once and is kept to send', async ({
  browser,
  page,
}) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  const linkPath = await newLinkFor(page, 'Nisha Patel');
  const patient = await phoneContext(browser);
  await patient.page.goto(linkPath);
  await patient.page.getByRole('button', { name: 'Log without the timer' }).click();
  const form = patient.page.getByRole('form', { name: 'Log your session' });
  await form.getByLabel('Tingling or numbness in the arms or hands').check();
  await patient.context.setOffline(true);
  await form.getByRole('button', { name: 'Save my session' }).click();
  const guidance = patient.page.getByTestId('red-flag-guidance');
  await expect(guidance).toContainText(/elbows in/);
  await expect(guidance).toContainText('Your clinic will be told when this log is sent');
  await expect(
    patient.page.getByText('Saved on this phone. It will be sent when you are back online.', { exact: true }),
  ).toBeVisible();
  await patient.context.setOffline(false);
  await patient.context.close();
});

test('the guided session runs every hold of every set, records a skipped position, and the page counts the log at once', async ({
  browser,
  page,
}) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  const linkPath = await newLinkFor(page, 'Liam Walsh');
  const patientPage = page.url();
  const { context, page: phonePage } = await phoneContext(browser);
  await phonePage.clock.install({ time: new Date(Date.now() - 60 * 60_000) });
  await phonePage.goto(linkPath);
  const header = phonePage.getByTestId('today-progress');
  const before = Number((await header.textContent())?.match(/(\d+) of 1/)?.[1] ?? 'NaN');
  expect(before).toBeGreaterThanOrEqual(0);

  // A log with no exercise done (and no red flag) is refused on the phone, and nothing is sent.
  await phonePage.getByRole('button', { name: 'Log without the timer' }).click();
  const form = phonePage.getByRole('form', { name: 'Log your session' });
  await choosePain(phonePage, 'Pain before the session', 2);
  await choosePain(phonePage, 'Pain after the session', 2);
  await form.getByRole('button', { name: 'Save my session' }).click();
  await expect(form.getByText(/Tick at least one exercise you did/)).toBeVisible();
  await phonePage.getByRole('button', { name: 'Cancel' }).click();

  // Liam: thoracic extension, 60 s × 4 positions × 2 sets, with a rest between the sets.
  await phonePage.getByRole('button', { name: 'Start a session' }).click();
  await phonePage.getByRole('button', { name: 'Skip and start' }).click();
  const progress = phonePage.getByTestId('timer-progress');
  await expect(progress).toHaveText('Set 1 of 2 · Position 1 of 4');
  // Start is on the first screen of a phone.
  await expect(phonePage.getByRole('button', { name: 'Start', exact: true })).toBeInViewport();
  await phonePage.getByRole('button', { name: 'Skip this position' }).click();
  await expect(progress).toHaveText('Set 1 of 2 · Position 2 of 4');
  const seen: string[] = [];
  for (let guard = 0; guard < 20; guard++) {
    if (await phonePage.getByRole('button', { name: 'Finish and log the session' }).isVisible()) break;
    seen.push((await progress.textContent()) ?? '');
    if (await phonePage.getByRole('button', { name: 'Skip the rest' }).isVisible()) {
      await phonePage.clock.fastForward('00:31');
    } else {
      await phonePage.getByRole('button', { name: 'Start', exact: true }).click();
      await phonePage.clock.fastForward('01:01');
    }
    await expect(
      progress.or(phonePage.getByRole('button', { name: 'Finish and log the session' })).first(),
    ).toBeVisible();
  }
  expect(seen).toEqual([
    'Set 1 of 2 · Position 2 of 4',
    'Set 1 of 2 · Position 3 of 4',
    'Set 1 of 2 · Position 4 of 4',
    'Rest before set 2 of 2',
    'Set 2 of 2 · Position 1 of 4',
    'Set 2 of 2 · Position 2 of 4',
    'Set 2 of 2 · Position 3 of 4',
    'Set 2 of 2 · Position 4 of 4',
  ]);
  await expect(
    phonePage.getByText('Upper-back extension over the roller: partly done. Some was skipped.'),
  ).toBeVisible();
  await phonePage.getByRole('button', { name: 'Finish and log the session' }).click();
  await expect(form.getByRole('checkbox', { checked: true })).toHaveCount(0);
  await expect(form.getByText('Partly done: some was skipped')).toBeVisible();
  await choosePain(phonePage, 'Pain before the session', 3);
  await choosePain(phonePage, 'Pain after the session', 2);
  await form.getByRole('button', { name: 'Save my session' }).click();
  await expect(phonePage.getByText('Session logged. Well done.')).toBeVisible();
  // Counted at once, without a reload: one of one is all done.
  await expect(header).toContainText(`All done for today: ${before + 1} of 1 session`);
  await expect(phonePage.getByTestId('history').getByRole('listitem').last()).toContainText(
    new RegExp(`: ${before + 1} of 1 done`),
  );
  // Another session is still possible.
  await phonePage.getByRole('button', { name: 'Back to the start' }).click();
  await expect(phonePage.getByRole('button', { name: 'Start a session' })).toBeEnabled();
  await context.close();

  await page.goto(patientPage);
  await expect(page.getByTestId('session-log').first()).toContainText('(partly: some skipped)');
});

test('sound, vibration and starting the next hold by itself are switches the phone remembers', async ({ browser }) => {
  const { context, page } = await phoneContext(browser);
  await page.clock.install({ time: new Date(Date.now() - 60 * 60_000) });
  await page.goto(`/p/${DEMO_PATIENT_LINK.token}`);
  await expect(page.getByTestId('sound-status')).toHaveText('Sound is on · vibration on');
  await page.getByText('Timer settings').click();
  await page.getByRole('checkbox', { name: /^Sound/ }).uncheck();
  await page.getByRole('checkbox', { name: /^Start the next hold by itself/ }).check();
  await expect(page.getByTestId('sound-status')).toHaveText('Sound is off · vibration on');
  await page.reload();
  await expect(page.getByTestId('sound-status')).toHaveText('Sound is off · vibration on');

  await page.getByRole('button', { name: 'Start a session' }).click();
  await page.getByRole('button', { name: 'Skip and start' }).click();
  // The first hold waits for Start; the next one counts down and starts by itself.
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.clock.fastForward('01:01');
  await expect(page.getByTestId('timer-progress')).toHaveText('Roll 2 of 3');
  await expect(page.getByText(/Get in position: starts in \d/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start now' })).toBeVisible();
  await page.clock.fastForward('00:06');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await context.close();
});
