import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, DEMO_PATIENT_LINK } from '../scripts/seed/demo-accounts';
import {
  ACTIONS,
  type Access,
  type ActionEntry,
  type ClinicIds,
  PAGES,
  ROUTES,
  type RouteEntry,
} from '../testing/access-registry';
import {
  type Answer,
  actionIds,
  actionState,
  answerOf,
  callAction,
  refusal,
  signIn,
} from './isolation/actions-over-http';
import { clinicAIdSet, clinicAIds, clinicANames, otherPatientNames } from './isolation/clinic-a';
import { changes, checksums, snapshot } from './isolation/database-snapshot';
import { type DemoServer, startDemoServer } from './pg-demo-server';

// Issue 16's isolation matrix: every page, server action and route handler in the registry, called
// over real HTTP with clinic A's real ids by everyone who may not call it. Each must be refused
// with none of clinic A's data in the answer and nothing changed in the database.
const PORT = 3403;
const [dana, sam, priya] = DEMO_ACCOUNTS;
/** Northside's run above already added the registry's new practitioner to Northside. */
const OWN_RUN: Record<string, Record<string, string>> = {
  addPractitionerAction: { email: 'matrix-member-harbour@matrix.example.com' },
};

type Persona = {
  name: string;
  cookie: () => string | null;
  /** What this persona may not call: refused, no clinic-A data, no change. */
  refusedFor: (entry: { access: Access; foreign: boolean }) => boolean;
  /** Called but allowed (own clinic, own data): checked only for clinic A's data and rows. */
  ownScope?: (entry: { access: Access; foreign: boolean }) => boolean;
  /** Where its action posts go: past the proxy where it lets them. */
  actionPages: string[];
  forbiddenNames: () => string[];
  /** A signed-in practitioner: each refusal adds an "access denied" row to their own clinic's trail. */
  email?: string;
};

test.describe('isolation matrix', () => {
  let server: DemoServer;
  let ids: ClinicIds;
  let idsOfA: string[];
  let namesOfA: string[];
  let namesOfOtherPatients: string[];
  const cookies: Record<string, string> = {};
  const actionIdOf = new Map<string, string>();

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    server = await startDemoServer(PORT);
    for (const [key, id] of actionIds()) actionIdOf.set(key, id);
    cookies.dana = await signIn(server.base, dana.email, dana.password);
    // The demo seed has no exercise of clinic A's own: Dana adds one, through the action itself.
    const custom = ACTIONS.find((a) => a.name === 'createCustomExerciseAction')!;
    const { easierId: _e, clinicId: _c, ...form } = custom.form({} as ClinicIds) as Record<string, string>;
    const added = await callAction(
      server.base,
      '/exercises/new',
      actionIdOf.get(`${custom.file}#${custom.name}`)!,
      form,
      cookies.dana,
    );
    expect(refusal(added) ?? actionState(added)?.status ?? 'added', added.body.slice(0, 400)).toBe('added');
    ids = await clinicAIds(server.client);
    idsOfA = await clinicAIdSet(server.client, ids.clinicId);
    namesOfA = await clinicANames(server.client, ids.clinicId);
    namesOfOtherPatients = await otherPatientNames(server.client, ids.clinicId, DEMO_PATIENT_LINK.patientName);
    cookies.priya = await signIn(server.base, priya.email, priya.password);
    // A session that signed out, replayed: it must count for nothing.
    const revoked = await signIn(server.base, sam.email, sam.password);
    const signOut = ACTIONS.find((a) => a.name === 'signOutAction')!;
    await callAction(server.base, '/dashboard', actionIdOf.get(`${signOut.file}#${signOut.name}`)!, {}, revoked);
    cookies.revoked = revoked;
    // Signing out ends every session of the account: Sam's own signs in after it.
    cookies.sam = await signIn(server.base, sam.email, sam.password);
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('the build holds exactly the server actions the registry names', () => {
    expect([...actionIdOf.keys()].sort()).toEqual(ACTIONS.map((a) => `${a.file}#${a.name}`).sort());
  });

  const staff = (e: { access: Access }) => ['signed-in', 'practitioner', 'admin'].includes(e.access);
  const personas: Persona[] = [
    {
      name: 'signed out',
      cookie: () => null,
      refusedFor: (e) => e.access !== 'public',
      actionPages: ['/dashboard', '/p'],
      forbiddenNames: () => namesOfA,
    },
    {
      name: 'a session replayed after sign-out',
      cookie: () => cookies.revoked!,
      refusedFor: (e) => e.access !== 'public',
      actionPages: ['/dashboard', '/p'],
      forbiddenNames: () => namesOfA,
    },
    {
      name: "a patient's link cookie",
      cookie: () => `rc_patient=${DEMO_PATIENT_LINK.token}`,
      // Practitioner routes, and another patient's records through the patient's own routes.
      refusedFor: (e) => staff(e) || (e.access === 'patient' && e.foreign),
      actionPages: ['/dashboard', '/p'],
      forbiddenNames: () => namesOfOtherPatients,
    },
    {
      name: "another clinic's admin",
      cookie: () => cookies.priya!,
      refusedFor: (e) => e.access === 'patient' || (staff(e) && e.foreign),
      ownScope: (e) => staff(e) && !e.foreign,
      actionPages: ['/dashboard'],
      forbiddenNames: () => namesOfA,
      email: priya.email,
    },
    {
      name: 'a practitioner who is not the admin',
      cookie: () => cookies.sam!,
      refusedFor: (e) => e.access === 'admin',
      actionPages: ['/dashboard'],
      forbiddenNames: () => [],
      email: sam.email,
    },
  ];

  async function check(
    persona: Persona,
    label: string,
    entry: { access: Access; foreign: boolean },
    call: () => Promise<Answer>,
  ) {
    const refused = persona.refusedFor(entry);
    const own = persona.ownScope?.(entry) ?? false;
    if (!refused && !own && entry.access !== 'public') return [];
    const deniedBefore = await deniedRows(persona);
    const before = await snapshot(server.client);
    const answer = await call();
    const after = await snapshot(server.client);
    const problems: string[] = [];
    if (refused && staff(entry) && persona.email && (await deniedRows(persona)) <= deniedBefore)
      problems.push(`${label}: refused with no "access denied" row in the caller's audit trail`);
    const changed = changes(before, after);
    if (refused || entry.access === 'public') {
      if (refused && !refusal(answer))
        problems.push(`${label}: not refused (${answer.status} ${answer.body.slice(0, 160)})`);
      if (changed.length)
        problems.push(
          `${label}: changed ${changed.length} rows: ${changed.slice(0, 3).join(' | ')}`,
          JSON.stringify(checksums(after)),
        );
    } else {
      const touching = changed.filter((row) => idsOfA.some((id) => row.includes(id)));
      if (touching.length) problems.push(`${label}: touched clinic A: ${touching.slice(0, 3).join(' | ')}`);
    }
    const leaked = persona.forbiddenNames().filter((name) => answer.body.includes(name));
    if (leaked.length) problems.push(`${label}: answer holds clinic A's ${leaked.join(', ')}`);
    return problems;
  }

  /** The persona's "access denied" rows, in their own clinic's trail only (none ever lands in clinic A's). */
  async function deniedRows(persona: Persona): Promise<number> {
    if (!persona.email) return 0;
    const { rows } = await server.client.query<{ n: number }>(
      `select count(*)::int as n from audit_events e join users u on u.id = e.actor_user_id
       where u.email = $1 and e.action = 'access.denied' and e.clinic_id = u.clinic_id`,
      [persona.email],
    );
    return rows[0]!.n;
  }

  async function callRoute(route: RouteEntry, cookie: string | null): Promise<Answer> {
    const body = route.body?.(ids);
    const headers: Record<string, string> = cookie ? { cookie } : {};
    let payload: string | undefined;
    if (body && 'form' in body) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(body.form).toString();
    } else if (body) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    }
    return answerOf(
      await fetch(`${server.base}${route.path(ids)}`, {
        method: route.method,
        headers,
        body: payload,
        redirect: 'manual',
      }),
    );
  }

  for (const persona of personas) {
    test(`as ${persona.name}: every page, action and route is refused or stays in its own clinic`, async () => {
      test.setTimeout(180_000);
      const problems: string[] = [];
      const cookie = persona.cookie();
      for (const page of PAGES) {
        const label = `page ${page.path(ids)}`;
        problems.push(
          ...(await check(persona, label, page, async () =>
            answerOf(
              await fetch(`${server.base}${page.path(ids)}`, { headers: cookie ? { cookie } : {}, redirect: 'manual' }),
            ),
          )),
        );
      }
      for (const route of ROUTES) {
        problems.push(
          ...(await check(persona, `${route.method} ${route.path(ids)}`, route, () => callRoute(route, cookie))),
        );
      }
      // Actions that end the session go last, each on a session of its own.
      const ordered = [...ACTIONS].sort((a, b) => Number(a.endsSession ?? false) - Number(b.endsSession ?? false));
      for (const action of ordered) {
        const id = actionIdOf.get(`${action.file}#${action.name}`)!;
        for (const page of persona.actionPages) {
          const own = action.endsSession && persona.name === "another clinic's admin";
          const actionCookie = own ? await signIn(server.base, priya.email, priya.password) : cookie;
          problems.push(
            ...(await check(persona, `action ${action.name} (via ${page})`, action, () =>
              callAction(server.base, page, id, action.form(ids), actionCookie),
            )),
          );
        }
      }
      expect(problems).toEqual([]);
    });
  }

  test("clinic A's own admin gets past every check with the same ids and forms (so the refusals above are real)", async () => {
    test.setTimeout(180_000);
    const problems: string[] = [];
    for (const page of PAGES.filter((p) => p.foreign && p.access !== 'patient')) {
      const res = await fetch(`${server.base}${page.path(ids)}`, { headers: { cookie: cookies.dana! } });
      if (res.status !== 200) problems.push(`page ${page.path(ids)}: ${res.status}`);
    }
    for (const route of ROUTES.filter((r) => r.foreign && r.access !== 'patient')) {
      const answer = await callRoute(route, cookies.dana!);
      if (answer.status !== 200) problems.push(`${route.method} ${route.path(ids)}: ${answer.status}`);
    }
    // Every practitioner action with the forms above: each parses (no field errors) and gets past
    // the clinic check; what it then says (done, or "already discharged") does not matter here.
    const membership = /not in your|unknown|not found|HTTP 40|action 40|unreachable|login/i;
    // (Signing out and changing a password have their own tests in sign-in.spec.ts and team.spec.ts.)
    const actions: ActionEntry[] = ACTIONS.filter((a) => staff(a) && !a.endsSession);
    for (const action of actions) {
      const answer = await callAction(
        server.base,
        '/dashboard',
        actionIdOf.get(`${action.file}#${action.name}`)!,
        { ...action.form(ids), ...OWN_RUN[action.name] },
        cookies.dana!,
      );
      const state = actionState(answer);
      const why = refusal(answer);
      if (state?.status === 'invalid' || (why && membership.test(why)))
        problems.push(`action ${action.name}: ${why ?? JSON.stringify(state)}`);
    }
    expect(problems).toEqual([]);
  });
});
