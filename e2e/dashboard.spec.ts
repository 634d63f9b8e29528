import { demoAdmin, expect, newPerson, otherClinicAdmin, signIn, test } from './fixtures';

test('the dashboard puts the patient with a red flag first; the practitioner opens them and acknowledges it', async ({
  page,
}) => {
  // A whole journey (dashboard, patient, charts, alert, screenshots): over a minute on a loaded 2-core machine.
  test.setTimeout(120_000);
  await signIn(page, demoAdmin.email, demoAdmin.password);
  const attention = page.getByTestId('needs-attention');
  await expect(attention.getByRole('listitem').first()).toContainText('Daniel Ruiz');
  await expect(attention.getByRole('listitem').first()).toContainText('Open red flag');
  await expect(page.getByTestId('dashboard-row')).not.toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/dashboard-attention.png', fullPage: true });

  // Sorting by 7-day adherence, highest first, lives in the URL.
  await page.getByRole('button', { name: '7 days' }).click();
  await expect(page).toHaveURL(/sort=adherence7&dir=desc/);

  await attention.getByRole('link', { name: 'Daniel Ruiz' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const patientUrl = page.url();
  // The patient's page shows the same figures as the dashboard's row, then links to the charts.
  const figures = page.getByTestId('patient-figures');
  await expect(figures).toContainText(/Last 7 days\s*\d+ %/);
  await expect(figures).toContainText(/Pain after, 7 days\s*\d\.\d \(▲ \+\d\.\d\)/);
  await expect(figures.getByRole('img', { name: /7-day adherence over the last 4 weeks/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/patient-page.png', fullPage: true });
  await page.getByRole('link', { name: 'Progress charts' }).click();
  await expect(page.getByTestId('chart-summary')).toContainText(
    /Completed \d+ of \d+ prescribed sessions \(\d+ %\) in the last 4 weeks; pain after sessions (rose|fell|stayed)/,
  );
  await expect(page.getByTestId('chart-sessions').locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('chart-pain').locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('chart-exercises').locator('svg.recharts-surface').first()).toBeVisible();
  await page.waitForTimeout(500);
  // Legend text stays readable (ink, not the pale "Prescribed" grey) and clear of the axis titles.
  for (const id of ['sessions', 'pain', 'exercises']) {
    const chart = page.getByTestId(`chart-${id}`);
    const legend = chart.locator('.recharts-legend-wrapper');
    await expect(legend.locator('.recharts-legend-item-text').first().locator('span')).toHaveCSS(
      'color',
      'rgb(28, 37, 38)',
    );
    const axisTitle = chart.locator('.recharts-label', { hasText: /^(Day|Session|Completed)$/ });
    const [a, b] = [await legend.boundingBox(), await axisTitle.boundingBox()];
    expect(a && b && (a.y + a.height <= b.y || b.y + b.height <= a.y)).toBe(true);
  }
  // Every axis has a title, the adherence scale on the right too.
  await expect(
    page.getByTestId('chart-sessions').locator('.recharts-label', { hasText: '7-day adherence' }),
  ).toBeVisible();
  await expect(page.getByTestId('chart-exercises').locator('.recharts-label', { hasText: 'Exercise' })).toBeVisible();
  // A symptom marker's tooltip and the table name the symptoms in words.
  const pain = page.getByTestId('chart-pain');
  // Hover the plot at the flagged session (the marker itself sits on the top edge of the plot).
  const marker = await pain.locator('.symptom-marker').last().boundingBox();
  const plot = await pain.locator('.recharts-wrapper').boundingBox();
  await page.mouse.move(marker!.x + marker!.width / 2, plot!.y + plot!.height / 2, { steps: 4 });
  const tooltip = pain.locator('.recharts-tooltip-wrapper');
  await expect(tooltip).toContainText('Symptoms reported : Tingling or numbness in the arms or hands');
  await expect(tooltip).not.toContainText('label');
  await page.screenshot({ path: 'test-results/screens/progress-tooltip.png' });
  await pain.getByText('Show as a table').click();
  await expect(pain.getByRole('cell', { name: 'Tingling or numbness in the arms or hands' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/progress-charts.png', fullPage: true });
  await page.goto(`${patientUrl}/progress?range=12w`);
  await expect(page.getByTestId('chart-summary')).toContainText('in the last 12 weeks');
  for (const range of ['bogus', 'constructor']) {
    await page.goto(`${patientUrl}/progress?range=${range}`);
    await expect(page.getByTestId('chart-summary')).toContainText('in the last 4 weeks');
  }
  await page.goto(patientUrl);
  const alert = page.getByTestId('alert').first();
  await expect(alert).toContainText('Tingling or numbness');
  await alert.getByLabel(/^Note/).fill('Called Daniel: elbows in, supported variant until Thursday.');
  await alert.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(page.getByTestId('alert').first()).toContainText('Acknowledged by Dana Whitfield');

  await page.goto('/alerts?status=acknowledged');
  const inboxCard = page.getByTestId('alert').filter({ hasText: 'Daniel Ruiz' });
  await expect(inboxCard).toContainText('Called Daniel');
  // Resolving needs a note; the acknowledgement's note stays in the alert's history.
  await inboxCard.getByRole('button', { name: 'Resolve' }).click();
  await expect(inboxCard.getByTestId('alert-error')).toHaveText('Say what was done before resolving the alert.');
  await expect(inboxCard.getByLabel(/^Note/)).toHaveAttribute('aria-invalid', 'true');
  await inboxCard.getByLabel(/^Note/).fill('Seen in clinic on Thursday; tingling gone with elbows in.');
  await inboxCard.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByTestId('alert').filter({ hasText: 'Daniel Ruiz' })).toHaveCount(0);
  await page.goto('/alerts?status=resolved');
  const resolved = page.getByTestId('alert').filter({ hasText: 'Seen in clinic on Thursday' });
  await expect(resolved.getByRole('list', { name: 'What was done' }).getByRole('listitem')).toHaveText([
    /^Acknowledged by Dana Whitfield.*Called Daniel/,
    /^Resolved by Dana Whitfield.*Seen in clinic/,
  ]);
  await resolved.screenshot({ path: 'test-results/screens/alert-history.png' });
});

test('unauthorized access: clinic B cannot export clinic A’s logs, open its charts or see its alerts', async ({
  page,
  browser,
}) => {
  await signIn(page, demoAdmin.email, demoAdmin.password);
  await page.goto('/patients?q=Daniel');
  await page.getByRole('link', { name: 'Daniel Ruiz' }).click();
  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  const danielId = page.url().split('/patients/')[1]!;
  const own = await page.request.get(`/api/exports/patients/${danielId}/logs.csv`);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain('pain_before');

  const b = await newPerson(browser);
  await signIn(b.page, otherClinicAdmin.email, otherClinicAdmin.password);
  expect((await b.page.request.get(`/api/exports/patients/${danielId}/logs.csv`)).status()).toBe(404);
  const roster = await b.page.request.get('/api/exports/roster.csv');
  expect(roster.status()).toBe(200);
  expect(await roster.text()).not.toContain('Daniel Ruiz');
  await b.page.goto(`/patients/${danielId}/progress`);
  await expect(b.page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await b.page.goto('/alerts?status=active');
  await expect(b.page.locator('#main')).not.toContainText('Daniel Ruiz');
  await b.context.close();

  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(`/api/exports/patients/${danielId}/logs.csv`)).status()).toBe(401);
  await anonymous.close();
});
