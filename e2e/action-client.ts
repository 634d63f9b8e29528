// Calls the build's server actions over HTTP as a browser would (or as an attacker with the
// source in hand would): the action's id from the build's manifest, the arguments encoded by
// React's own client, POSTed to a page that holds the action.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };

const require_ = createRequire(path.join(process.cwd(), 'package.json'));
const { encodeReply } = require_('next/dist/compiled/react-server-dom-turbopack/client.edge.js') as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

function manifest(): Record<string, ManifestEntry> {
  const file = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> }).node;
}

export type ServerAction = { id: string; filename: string; exportedName: string; pages: string[] };

/** Every server action in the build, with the pages (as URL patterns, `[patientId]` kept) that hold it. */
export function serverActions(): ServerAction[] {
  return Object.entries(manifest()).map(([id, entry]) => ({
    id,
    filename: entry.filename,
    exportedName: entry.exportedName,
    pages: Object.keys(entry.workers).map(
      (worker) =>
        worker
          .replace(/^app/, '')
          .replace(/\/\([^)]+\)/g, '')
          .replace(/\/page$/, '') || '/',
    ),
  }));
}

export function serverAction(exportedName: string): ServerAction {
  const found = serverActions().filter((a) => a.exportedName === exportedName);
  if (found.length !== 1) throw new Error(`${found.length} server actions named ${exportedName}`);
  return found[0]!;
}

/** A page that holds the action, its dynamic segments filled from `params` (e.g. { patientId }). */
export function pageFor(action: ServerAction, params: Record<string, string> = {}): string {
  const page = action.pages.find((p) => !p.includes('[')) ?? action.pages[0] ?? '/';
  return page.replace(/\[(\w+)\]/g, (_, name: string) => params[name] ?? '00000000-0000-4000-8000-000000000000');
}

export type ActionAnswer = {
  status: number;
  text: string;
  /** Where the action sent the browser (its redirect()), if it did. */
  redirect: string | null;
  /** The ActionState the action returned (the flight answer's `1:` line), when it returned one. */
  state: { status?: string; message?: string; fieldErrors?: Record<string, string[]> } | null;
};

/**
 * Calls `action` with the form `fields` (a value per field; arrays repeat it; a Blob is a file)
 * through `request`, whose cookies (a session, or none) go with it.
 */
export async function callAction(
  request: APIRequestContext,
  action: ServerAction,
  fields: Record<string, string | string[] | Blob>,
  params: Record<string, string> = {},
): Promise<ActionAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const v of value) form.append(name, v);
    else form.append(name, value);
  }
  const body = await encodeReply([{ status: 'idle' }, form]);
  const res = await request.post(pageFor(action, params), {
    headers: { 'Next-Action': action.id, Accept: 'text/x-component' },
    ...(typeof body === 'string' ? { data: body } : { multipart: body }),
    maxRedirects: 0,
  });
  const text = await res.text();
  const line = text.split('\n').find((l) => l.startsWith('1:'));
  let state: ActionAnswer['state'] = null;
  if (line) {
    try {
      state = JSON.parse(line.slice(2)) as ActionAnswer['state'];
    } catch {
      state = null;
    }
  }
  const redirect = res.headers()['x-action-redirect']?.split(';')[0] ?? null;
  return { status: res.status(), text, state, redirect };
}
