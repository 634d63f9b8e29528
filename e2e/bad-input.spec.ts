import crypto from 'node:crypto';
import { type BrowserContext, expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { FORMULA_START } from '../lib/http/csv';
import { DEMO_ACCOUNTS, DEMO_PATIENT_LINK } from '../scripts/seed/demo-accounts';
import {
  ACTIONS,
  type Access,
  type ActionEntry,
  type ClinicIds,
  type Form,
  PAGES,
  ROUTES,
  type RouteEntry,
} from '../testing/access-registry';
import { edgeForms, generatedForms, generatedJson, generatedPaths } from './bad-input/generated-forms';
import { LONG_PAYLOAD, MARKER, SHORT_PAYLOAD, findings, watchForPayloads, withPayload } from './bad-input/xss';
import {
  type Answer,
  actionIds,
  actionState,
  answerOf,
  callAction,
  refusal,
  signIn,
} from './isolation/actions-over-http';
import { clinicAIds } from './isolation/clinic-a';
import { changes, snapshot } from './isolation/database-snapshot';
import { type DemoServer, startDemoServer } from './pg-demo-server';

// Issue 16 item 11: bad input at scale. Markup and formula payloads in every text field are inert
// on every screen, print and CSV; then generated values go to every page, route handler and server
// action over HTTP: never a 5xx, and a refusal changes nothing.
const PORT = 3410;
const [dana, sam] = DEMO_ACCOUNTS;
const PATIENT_COOKIE = `rc_patient=${DEMO_PATIENT_LINK.token}`;

/** Left out of the payload run: they sign in or out, or take away records the screens must show. */
const NOT_FOR_PAYLOADS = new Set([
  'authenticate',
  'changePasswordAction',
  'signOutAction',
  'revokeLinkAction',
  'setPatientStatusAction',
  'archiveProviderAction',
  'setDisabledAction',
  'changeRoleAction',
  'deleteTemplateAction',
  'setExerciseHiddenAction',
]);

/** Text fields the registry's minimal forms leave out, so the payload reaches them too. */
const MORE_TEXT: Record<string, string[]> = {
  createPatientAction: ['notes'],
  updatePatientAction: ['notes'],
  addProviderAction: ['organisation', 'address', 'languages', 'tags', 'openingHours', 'internalNotes'],
  updateProviderAction: ['organisation', 'address', 'languages', 'tags', 'openingHours', 'internalNotes'],
  updateClinicSettingsAction: ['address', 'closedAdvice', 'handoutFooter'],
  createReferralAction: ['goal'],
  moveReferralAction: ['note'],
  recordReportAction: ['recommendations'],
  alertAction: ['note'],
  saveTemplateAction: ['description'],
  recordScreeningAction: ['pregnancy_note', 'anticoagulants_note'],
};
/** Forms the demo data already used once (the matrix's own run has the same overrides). */
const OWN_RUN: Record<string, Form> = { addPractitionerAction: { email: 'payload-member@bad-input.example.com' } };

/** The row of a server action's flight answer that carries an error thrown inside the action. */
const ACTION_ERROR_ROW = /^\d+:E\{/m;
const staff = (access: Access) => ['signed-in', 'practitioner', 'admin'].includes(access);
const cookieFor = (access: Access, danaCookie: string) =>
  access === 'patient' ? PATIENT_COOKIE : access === 'public' ? null : danaCookie;

type State = { status?: string; fieldErrors?: Record<string, string[] | undefined> };
const fieldErrorKeys = (answer: Answer) =>
  Object.keys(((actionState(answer) as State | null)?.fieldErrors ?? {}) as object).filter(Boolean);
const pick = (form: Form, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => k in form).map((k) => [k, form[k]!]));

test.describe.configure({ mode: 'serial' });

test.describe('bad input', () => {
  let server: DemoServer;
  let ids: ClinicIds;
  let danaCookie: string;
  let customFields: string[] = [];
  const actionIdOf = new Map<string, string>();
  const idOf = (a: ActionEntry) => actionIdOf.get(`${a.file}#${a.name}`)!;

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    server = await startDemoServer(PORT);
    for (const [key, id] of actionIds()) actionIdOf.set(key, id);
    danaCookie = await signIn(server.base, dana.email, dana.password);
    // Clinic A's own exercise (the demo has none): named and described with the payload.
    const custom = ACTIONS.find((a) => a.name === 'createCustomExerciseAction')!;
    const { easierId: _e, clinicId: _c, ...form } = custom.form({} as ClinicIds) as Record<string, string>;
    customFields = (await savePayloads(custom, form)).map((f) => `${custom.name}.${f}`);
    expect(customFields.length, 'the custom exercise takes the payload').toBeGreaterThan(0);
    ids = await clinicAIds(server.client);
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  /** Saves the payload in every text field the action takes: the long one, the short where it is too long. */
  async function savePayloads(action: ActionEntry, form0?: Form): Promise<string[]> {
    const base: Form = form0 ?? { ...action.form(ids), ...OWN_RUN[action.name] };
    for (const field of MORE_TEXT[action.name] ?? []) base[field] = '';
    const files = Object.keys(base).filter((key) => typeof base[key] === 'object' && 'file' in base[key]);
    for (const key of files) {
      const csv = `name,discipline,address\n"${LONG_PAYLOAD.replaceAll('"', '""')}",chiropractor,"${SHORT_PAYLOAD}"\n`;
      base[key] = { name: 'providers.csv', type: 'text/csv', file: csv };
    }
    let form = withPayload(base, LONG_PAYLOAD);
    let answer = await callAction(server.base, '/dashboard', idOf(action), form, danaCookie);
    const fallbacks = [
      (f: Form) => withPayload(f, SHORT_PAYLOAD),
      (f: Form) => withPayload(f, `${SHORT_PAYLOAD}\n${SHORT_PAYLOAD}`),
      (f: Form) => pick(base, Object.keys(f)),
    ];
    for (const fallback of fallbacks) {
      const refusedFields = fieldErrorKeys(answer);
      if (!refusedFields.length) break;
      form = { ...form, ...fallback(pick(base, refusedFields)) };
      answer = await callAction(server.base, '/dashboard', idOf(action), form, danaCookie);
    }
    expect(answer.status, `${action.name}: ${answer.body.slice(0, 200)}`).toBeLessThan(500);
    const state = actionState(answer) as State | null;
    if (state?.status === 'invalid' || refusal(answer)) return [];
    return [...files, ...Object.keys(form).filter((k) => form[k] !== base[k])];
  }

  async function contextWith(browser: import('@playwright/test').Browser, cookie: string): Promise<BrowserContext> {
    const context = await browser.newContext();
    await context.addCookies(
      cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.base };
      }),
    );
    return context;
  }

  test('markup and formula payloads in every text field are inert on every screen, print and CSV', async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const saved: string[] = [...customFields];
    // The patient's own words first (a session log's note, from the phone), before the plan changes.
    const { rows: items } = await server.client.query<{ id: string }>(
      'select exercise_id as id from plan_items where plan_version_id = $1',
      [ids.planVersionId],
    );
    const log = await fetch(`${server.base}/p/log`, {
      method: 'POST',
      headers: { cookie: PATIENT_COOKIE, 'content-type': 'application/json' },
      body: JSON.stringify({
        idempotencyKey: crypto.randomUUID(),
        performedAt: new Date().toISOString(),
        itemsDone: items.map((i) => i.id),
        painBefore: 3,
        painAfter: 2,
        note: LONG_PAYLOAD,
      }),
    });
    expect(log.status, await log.clone().text()).toBeLessThan(300);
    saved.push('session log note');
    for (const action of ACTIONS.filter(
      (a) => staff(a.access) && !NOT_FOR_PAYLOADS.has(a.name) && a.name !== 'createCustomExerciseAction',
    )) {
      for (const field of await savePayloads(action)) saved.push(`${action.name}.${field}`);
    }
    console.info(`[bad-input] payload saved in ${saved.length} fields: ${saved.join(', ')}`);
    expect(saved.length).toBeGreaterThanOrEqual(40);

    const problems: string[] = [];
    let pagesShowingPayload = 0;
    const contexts = {
      staff: await contextWith(browser, danaCookie),
      patient: await contextWith(browser, PATIENT_COOKIE),
    };
    for (const entry of PAGES.filter((p) => p.access !== 'public')) {
      const page = await contexts[entry.access === 'patient' ? 'patient' : 'staff'].newPage();
      const hits: string[] = [];
      await watchForPayloads(page, hits);
      const path = entry.path(ids);
      const res = await page.goto(`${server.base}${path}`);
      if (!res || res.status() >= 400) problems.push(`${path}: HTTP ${res?.status()}`);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      for (const media of ['screen', 'print'] as const) {
        await page.emulateMedia({ media });
        const found = await findings(page);
        if (found.ran.length || hits.length) problems.push(`${path} (${media}): ran ${[...found.ran, ...hits]}`);
        if (found.injected.length) problems.push(`${path} (${media}): ${found.injected.slice(0, 3).join(' | ')}`);
        if (media === 'screen' && found.shown) pagesShowingPayload += 1;
      }
      await page.close();
    }
    await Promise.all(Object.values(contexts).map((c) => c.close()));
    console.info(`[bad-input] ${pagesShowingPayload} of ${PAGES.length} pages show a payload as text`);
    expect(pagesShowingPayload).toBeGreaterThanOrEqual(15);

    let cellsWithPayload = 0;
    for (const route of ROUTES.filter((r) => r.path(ids).includes('.csv'))) {
      const res = await fetch(`${server.base}${route.path(ids)}`, { headers: { cookie: danaCookie } });
      const rows = parse((await res.text()).replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
      for (const cell of rows.flat()) {
        if (cell.includes(MARKER)) cellsWithPayload += 1;
        // A number is written as a number (-0.5 is a value); any other formula start must be guarded.
        if (FORMULA_START.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell))
          problems.push(`${route.path(ids)}: unguarded cell ${cell.slice(0, 40)}`);
      }
    }
    console.info(`[bad-input] ${cellsWithPayload} CSV cells hold a payload, each guarded`);
    expect(cellsWithPayload).toBeGreaterThanOrEqual(10);
    expect(problems).toEqual([]);
  });

  test('generated values to every page, route handler and server action: never a 5xx, and a refusal changes nothing', async () => {
    test.setTimeout(300_000);
    const problems: string[] = [];
    let calls = 0;
    async function send(label: string, call: () => Promise<Answer>, refused: (a: Answer) => boolean) {
      const before = await snapshot(server.client);
      const answer = await call();
      calls += 1;
      // An action that throws still answers 200, with an error row (`1:E{"digest":…}`) in its flight data.
      if (answer.status >= 500 || ACTION_ERROR_ROW.test(answer.body))
        problems.push(`${label}: HTTP ${answer.status} ${answer.body.slice(0, 120)}`);
      else if (refused(answer)) {
        const changed = changes(before, await snapshot(server.client));
        if (changed.length) problems.push(`${label}: refused, yet changed ${changed.slice(0, 2).join(' | ')}`);
      }
    }
    const refusedRoute = (a: Answer) => a.status >= 400;
    const refusedAction = (a: Answer) => a.status >= 400 || !!refusal(a) || actionState(a)?.status === 'invalid';

    for (const [n, entry] of PAGES.entries()) {
      const cookie = cookieFor(entry.access, danaCookie);
      for (const path of generatedPaths(entry.path(ids), 3, 1600 + n)) {
        await send(
          `page ${path}`,
          async () =>
            answerOf(await fetch(`${server.base}${path}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' })),
          // Pages may write (figures brought up to date, a link's last use): a refused one may not.
          refusedRoute,
        );
      }
    }
    for (const [n, route] of ROUTES.entries()) {
      const cookie = cookieFor(route.access, danaCookie);
      for (const request of routeRequests(route, ids, 1700 + n)) {
        await send(
          `${route.method} ${request.path}`,
          async () =>
            answerOf(
              await fetch(`${server.base}${request.path}`, {
                method: route.method,
                headers: { ...(cookie ? { cookie } : {}), ...request.headers },
                body: request.body,
                redirect: 'manual',
              }),
            ),
          refusedRoute,
        );
      }
    }
    // Actions that take records away or end a session go last; a session-ender gets a session of its own.
    const last = (a: ActionEntry) => Number(NOT_FOR_PAYLOADS.has(a.name)) + Number(a.endsSession ?? false);
    for (const [n, action] of [...ACTIONS].sort((a, b) => last(a) - last(b)).entries()) {
      const base: Form = { ...action.form(ids), ...OWN_RUN[action.name] };
      for (const form of [...edgeForms(base), ...generatedForms(base, 6, 1800 + n)]) {
        const cookie = action.endsSession
          ? await signIn(server.base, sam.email, sam.password)
          : cookieFor(action.access, danaCookie);
        await send(
          `action ${action.name} ${JSON.stringify(form).slice(0, 120)}`,
          () => callAction(server.base, '/dashboard', idOf(action), form, cookie),
          // Signing out answers with the sign-in page when it worked: only a 5xx counts there.
          (a) => !action.endsSession && refusedAction(a),
        );
      }
    }
    console.info(`[bad-input] ${calls} generated requests`);
    expect(problems).toEqual([]);
  });
});

type GeneratedRequest = { path: string; headers: Record<string, string>; body?: string };

/** Generated paths, form bodies and JSON bodies for one route handler. */
function routeRequests(route: RouteEntry, ids: ClinicIds, seed: number): GeneratedRequest[] {
  const paths = generatedPaths(route.path(ids), 3, seed);
  const body = route.body?.(ids);
  if (!body) return paths.map((path) => ({ path, headers: {} }));
  const path = route.path(ids);
  if ('form' in body) {
    return generatedForms(body.form, 5, seed).map((form) => ({
      path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(
        Object.entries(form).flatMap(([k, v]) =>
          (Array.isArray(v) ? v : [typeof v === 'string' ? v : 'file']).map((x) => [k, x] as [string, string]),
        ),
      ).toString(),
    }));
  }
  return generatedJson(body.json as Record<string, unknown>, 5, seed).map((json) => ({
    path,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(json) ?? 'null',
  }));
}
