import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Form } from '../../testing/access-registry';

// Server actions called the way React calls them, so the matrix needs no browser: the real id from
// the build's manifest, the arguments encoded by React's own client, the session's cookie.
const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');
const { encodeReply } = require(
  path.join(root, 'node_modules/next/dist/compiled/react-server-dom-turbopack/client.edge.js'),
) as { encodeReply: (value: unknown) => Promise<string | FormData> };

type ManifestEntry = { filename: string; exportedName: string };

/** `file#name` → action id, for every server action in the build. */
export function actionIds(): Map<string, string> {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as { node: Record<string, ManifestEntry> };
  return new Map(Object.entries(manifest.node).map(([id, e]) => [`${e.filename}#${e.exportedName}`, id]));
}

function formData(form: Form): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(form)) {
    if (typeof value === 'string') data.append(key, value);
    else if (Array.isArray(value)) for (const v of value as readonly string[]) data.append(key, v);
    else {
      const file = value as { file: string; name: string; type: string };
      data.append(key, new File([file.file], file.name, { type: file.type }));
    }
  }
  return data;
}

export type Answer = { status: number; location: string | null; actionRedirect: string | null; body: string };

/** POSTs one action as a form's `useActionState` does: (previous state, form data). */
export async function callAction(base: string, pagePath: string, id: string, form: Form, cookie: string | null) {
  const body = await encodeReply([{ status: 'idle' }, formData(form)]);
  const res = await fetch(`${base}${pagePath}`, {
    method: 'POST',
    redirect: 'manual',
    body,
    headers: { 'Next-Action': id, Accept: 'text/x-component', ...(cookie ? { cookie } : {}) },
  });
  return answerOf(res);
}

export async function answerOf(res: Response): Promise<Answer> {
  return {
    status: res.status,
    location: res.headers.get('location'),
    actionRedirect: res.headers.get('x-action-redirect'),
    body: await res.text(),
  };
}

/** The action's returned state (the flight row `1:`), when it returned one. */
export function actionState(answer: Answer): { status?: string; message?: string } | null {
  const row = /^1:(\{.*\})$/m.exec(answer.body);
  if (!row) return null;
  try {
    return JSON.parse(row[1]!) as { status?: string; message?: string };
  } catch {
    return null;
  }
}

/** The heading of the page a patient route shows without a live link. */
const INACTIVE_LINK = 'This link is no longer active';

const REFUSING_PATHS = /^(https?:\/\/[^/]+)?\/(login|p|p\/inactive|account\/password)(\?|;|$)/;

/**
 * Refused: sent to sign in (or, for a patient route, to the link's "not active" page), a 400, 401,
 * 403 or 404, the 403/404 an action raised (`forbidden()`, `notFound()`), a state saying no, the empty
 * answer Next gives when the action could not be reached at all, or the patient's "link not active" page.
 */
export function refusal(answer: Answer): string | null {
  if (answer.status >= 300 && answer.status < 400 && answer.location && REFUSING_PATHS.test(answer.location))
    return `redirect ${answer.location}`;
  if ([400, 401, 403, 404].includes(answer.status)) return `HTTP ${answer.status}`;
  if (answer.actionRedirect && REFUSING_PATHS.test(answer.actionRedirect))
    return `action redirect ${answer.actionRedirect}`;
  const digest = /NEXT_HTTP_ERROR_FALLBACK;(403|404)/.exec(answer.body);
  if (digest) return `action ${digest[1]}`;
  const state = actionState(answer);
  if (state?.status === 'error') return `state: ${state.message}`;
  if (answer.status === 200 && answer.body === '{}') return 'action unreachable';
  if (answer.status === 200 && answer.body.includes(INACTIVE_LINK)) return 'the link-not-active page';
  return null;
}

/** Signs in through Auth.js's credentials callback, as the sign-in form does; the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: csrfCookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/dashboard` }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .filter((c) => c.startsWith('authjs.session-token='));
  if (res.status !== 302 || session.length === 0) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  return session.join('; ');
}
