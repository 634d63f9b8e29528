// @ts-check
/// <reference lib="webworker" />
/*
 * The patient's phone keeps their plan for when the signal drops: the last copy of /p and the
 * files it runs on, nothing else (no practitioner page is ever stored). Registered by the patient
 * page with scope /p. Session logs made offline are kept by the page itself (offline-queue.ts),
 * not here, so this worker never holds anything the patient typed.
 *
 * Two strategies, written out rather than taken from a library: Serwist's value is precaching a
 * build's whole manifest, which would download every practitioner chunk onto patients' phones.
 *  - /p, the plan: network first (with a short timeout), the stored copy when offline;
 *  - /_next/static/*, content-hashed and immutable: cache first.
 */

const VERSION = 'v1';
const PAGES = `rollcall-plan-${VERSION}`;
const ASSETS = `rollcall-assets-${VERSION}`;
const NETWORK_TIMEOUT_MS = 5000;
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

/** @param {URL} url */
const isPlanPage = (url) => url.origin === sw.location.origin && url.pathname === '/p';
/** @param {URL} url */
const isAsset = (url) => url.origin === sw.location.origin && url.pathname.startsWith('/_next/static/');

/** The files a stored page needs: its scripts, styles and the chunks its payload names. */
function assetsOf(/** @type {string} */ html) {
  const found = new Set();
  for (const match of html.matchAll(/\/_next\/static\/[A-Za-z0-9_\-./~]+/g)) {
    const path = match[0].replace(/[.]+$/, '');
    if (/\.(js|css|woff2?)$/.test(path)) found.add(path);
  }
  return [...found];
}

/** Stores a plan page (a 200 from /p itself, not a redirect to "link not active") and its files. */
async function keepPlan(/** @type {Response} */ response) {
  const pages = await caches.open(PAGES);
  if (!response.ok || response.redirected || new URL(response.url).pathname !== '/p') {
    // The link stopped working: the stored plan goes too.
    await pages.delete('/p');
    return;
  }
  const html = await response.clone().text();
  await pages.put('/p', response);
  const assets = await caches.open(ASSETS);
  const missing = [];
  for (const path of assetsOf(html)) if (!(await assets.match(path))) missing.push(path);
  await Promise.all(missing.map((path) => assets.add(path).catch(() => undefined)));
}

/** Fetches the plan again now (after the worker starts, the page's first load was not seen by it). */
async function refreshPlan() {
  try {
    await keepPlan(await fetch('/p', { credentials: 'same-origin', cache: 'no-store' }));
  } catch {
    // offline: keep what is stored
  }
}

sw.addEventListener('install', () => {
  void sw.skipWaiting();
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('rollcall-') && name !== PAGES && name !== ASSETS) await caches.delete(name);
      await sw.clients.claim();
      await refreshPlan();
    })(),
  );
});

sw.addEventListener('message', (event) => {
  if (event.data === 'refresh-plan') event.waitUntil(refreshPlan());
});

/** @param {Request} request */
async function planNetworkFirst(request) {
  const pages = await caches.open(PAGES);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS)),
    ]);
    await keepPlan(response.clone());
    return response;
  } catch {
    const stored = await pages.match('/p');
    if (stored) return stored;
    return new Response(
      '<!doctype html><html lang="en"><meta name="viewport" content="width=device-width, initial-scale=1">' +
        '<title>You are offline</title><body style="font-family:system-ui,sans-serif;padding:1rem;line-height:1.5">' +
        '<h1>You are offline</h1><p>This phone has no saved copy of your plan yet. Open your link again when you are back online.</p>' +
        '<p><strong>If you have chest pain or trouble breathing, call your local emergency number now.</strong></p></body></html>',
      { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
    );
  }
}

/** @param {Request} request */
async function assetCacheFirst(request) {
  const assets = await caches.open(ASSETS);
  const stored = await assets.match(request);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok) await assets.put(request, response.clone());
  return response;
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && isPlanPage(url)) {
    event.respondWith(planNetworkFirst(request));
    return;
  }
  // Only the plan page's files: any other page this worker's scope happens to reach goes to the network.
  if (isAsset(url)) {
    event.respondWith(
      (async () => {
        const client = event.clientId ? await sw.clients.get(event.clientId) : undefined;
        const from = client ? new URL(client.url) : null;
        return from && isPlanPage(from) ? assetCacheFirst(request) : fetch(request);
      })(),
    );
  }
});
