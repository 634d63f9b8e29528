/**
 * Session logs that have not reached the server yet, kept on the phone.
 *
 * Stores only LogPayload objects, in localStorage under one key, and falls back to memory when
 * storage is unavailable (private mode, quota, disabled). No React: the hook in
 * use-offline-sync.ts subscribes through `subscribe` / `getSnapshot`.
 *
 * A payload is written to the queue *before* it is sent, so a log survives the page being closed
 * mid-request; the server deduplicates by idempotencyKey, so sending it again is safe. While its
 * first attempt is in flight it is not counted as pending, so the page doesn't flash "saved on
 * this phone" on every normal submit.
 */
import { isSymptomCode, type LogPayload, type LogResult } from './types';

export const STORAGE_KEY = 'rollcall.pendingLogs.v1';
export const LOG_ENDPOINT = '/p/log';
/** Give up on one request after this long; the log stays queued and is retried later. */
const SEND_TIMEOUT_MS = 20_000;
/** A 429 without a usable Retry-After waits this long; one that asks for longer is capped at a day. */
const DEFAULT_WAIT_MS = 60_000;
const MAX_WAIT_MS = 24 * 60 * 60_000;

// ─── Storage with a memory fallback ──────────────────────────────────────────────────────────

let memory: LogPayload[] = [];
let storageBroken = false;

function storage(): Storage | null {
  if (storageBroken || typeof window === 'undefined') return null;
  try {
    return window.localStorage;
  } catch {
    storageBroken = true;
    return null;
  }
}

type Guard<T> = (v: unknown) => v is T;
const isString: Guard<string> = (v) => typeof v === 'string';
const isNumber: Guard<number> = (v) => typeof v === 'number';
const listOf =
  <T>(item: Guard<T>): Guard<T[]> =>
  (v): v is T[] =>
    Array.isArray(v) && v.every(item);
const optional =
  <T>(check: Guard<T>): Guard<T | undefined> =>
  (v): v is T | undefined =>
    v === undefined || check(v);
const nullable =
  <T>(check: Guard<T>): Guard<T | null | undefined> =>
  (v): v is T | null | undefined =>
    v === undefined || v === null || check(v);

/**
 * What a stored entry must look like to be sent again. The server checks it in full with the log
 * contract's zod schema; here a shallow check per field keeps zod out of the patient's first load,
 * and `satisfies` ties it to LogPayload, so a field added to, dropped from or retyped in the
 * contract fails to compile until this list follows.
 */
const PAYLOAD_FIELDS = {
  idempotencyKey: (v): v is string => isString(v) && v.length > 0,
  performedAt: isString,
  itemsDone: listOf(isString),
  itemsPartial: optional(listOf(isString)),
  // Empty pain numbers are allowed with a red-flag symptom: such a log must never be dropped.
  painBefore: nullable(isNumber),
  painAfter: nullable(isNumber),
  symptoms: optional(listOf(isSymptomCode)),
  note: optional(isString),
} satisfies { [K in keyof LogPayload]-?: Guard<LogPayload[K]> };

function isPayload(v: unknown): v is LogPayload {
  if (typeof v !== 'object' || v === null) return false;
  return Object.entries(PAYLOAD_FIELDS).every(([field, check]) => check((v as Record<string, unknown>)[field]));
}

/** A copy with exactly the contract's fields, nothing else. */
function clean(p: LogPayload): LogPayload {
  return JSON.parse(JSON.stringify(p, Object.keys(PAYLOAD_FIELDS))) as LogPayload;
}

function read(): LogPayload[] {
  const s = storage();
  if (!s) return memory;
  try {
    const raw = s.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    memory = Array.isArray(parsed) ? parsed.filter(isPayload) : [];
  } catch (err) {
    // Unparseable data is dropped (memory stays as it was); a throwing storage is abandoned.
    if (!(err instanceof SyntaxError)) storageBroken = true;
  }
  return memory;
}

function write(list: LogPayload[]) {
  memory = list;
  const s = storage();
  if (s) {
    try {
      if (list.length > 0) s.setItem(STORAGE_KEY, JSON.stringify(list));
      else s.removeItem(STORAGE_KEY);
    } catch {
      storageBroken = true; // e.g. quota exceeded: keep going in memory
    }
  }
  changed();
}

// ─── Queue ──────────────────────────────────────────────────────────────────────────────────

/** Adds a payload unless one with the same idempotencyKey is already queued. */
export function enqueue(payload: LogPayload): void {
  const list = read();
  if (list.some((p) => p.idempotencyKey === payload.idempotencyKey)) return;
  write([...list, clean(payload)]);
}

/** Every queued payload, oldest first (including any being sent right now). */
export function pending(): LogPayload[] {
  return [...read()];
}

export function remove(idempotencyKey: string): void {
  const list = read();
  if (!list.some((p) => p.idempotencyKey === idempotencyKey)) return;
  write(list.filter((p) => p.idempotencyKey !== idempotencyKey));
}

// ─── Tiny external store for useSyncExternalStore ────────────────────────────────────────────

const listeners = new Set<() => void>();
/** Keys being sent right now. */
const inFlight = new Set<string>();
/** Keys on their first attempt: queued for safety, not shown as pending unless that attempt fails. */
const firstAttempt = new Set<string>();
/** The latest outcome per key in this page's lifetime (so a form can see its queued log arrive). */
const results = new Map<string, LogResult>();
let lastDeliveredAt: number | null = null;
let countCache: number | null = null;
/** Date.now() before which the server asked not to be sent logs (429 Retry-After); null when it did not. */
let retryAt: number | null = null;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function changed() {
  countCache = null;
  for (const l of [...listeners]) l();
}

function onStorage(e: StorageEvent) {
  if (e.key === STORAGE_KEY || e.key === null) changed(); // another tab changed the queue
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1 && typeof window !== 'undefined') window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && typeof window !== 'undefined') window.removeEventListener('storage', onStorage);
  };
}

/** How many logs are waiting on this phone. A number, so it is a stable snapshot. */
export function getSnapshot(): number {
  countCache ??= read().filter((p) => !firstAttempt.has(p.idempotencyKey)).length;
  return countCache;
}

export function getServerSnapshot(): number {
  return 0;
}

/** Date.now() when a log that had been waiting on this phone last reached the server, or null. */
export function getLastDelivered(): number | null {
  return lastDeliveredAt;
}

/** Date.now() when the server said the waiting logs may be sent again (it was busy), or null. */
export function getRetryAt(): number | null {
  return retryAt;
}

/** The latest outcome for this key seen in this page (same object until it changes). */
export function resultFor(idempotencyKey: string): LogResult | undefined {
  return results.get(idempotencyKey);
}

// ─── Sending ────────────────────────────────────────────────────────────────────────────────

const QUEUED: LogResult = { status: 'queued' };

/** Retry-After as seconds or an HTTP date, in ms from now. */
function waitOf(header: string | null): number {
  const value = header?.trim() ?? '';
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, MAX_WAIT_MS) : DEFAULT_WAIT_MS;
}

/**
 * The server is refusing logs for a while (too many from this link): hold every send until then,
 * and try once when it ends, rather than in a loop or on every minute's tick.
 */
function waitUntil(at: number) {
  retryAt = at;
  if (retryTimer !== undefined) clearTimeout(retryTimer);
  retryTimer = setTimeout(
    () => {
      retryTimer = undefined;
      void flush();
    },
    Math.max(0, at - Date.now()),
  );
  changed();
}

const waiting = () => retryAt !== null && Date.now() < retryAt;

function humanText(v: unknown): string | null {
  // The server sends either a sentence or a code such as "link_inactive".
  return typeof v === 'string' && /\s/.test(v.trim()) ? v.trim() : null;
}

function fieldErrorsOf(v: unknown): Record<string, string[]> | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const out: Record<string, string[]> = {};
  for (const [k, msgs] of Object.entries(v)) {
    if (Array.isArray(msgs)) {
      const strings = msgs.filter((m): m is string => typeof m === 'string');
      if (strings.length > 0) out[k] = strings;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function refusal(status: number, body: Record<string, unknown> | null): LogResult {
  const server = humanText(body?.error);
  const fieldErrors = fieldErrorsOf(body?.fieldErrors);
  let message: string;
  if (status === 401)
    message = 'This link no longer works, so the session was not saved. Please ask your clinic for a new link.';
  else if (status === 409)
    message = server ?? 'This session was already saved with different answers, so this copy was not saved.';
  else if (status === 413) message = 'This log is too long to send. Please shorten your note and try again.';
  else if (status === 403)
    message = 'The session could not be saved from this page. Please reload the page and try again.';
  else message = server ?? 'Some answers could not be saved. Please check them and try again.';
  return fieldErrors ? { status: 'refused', message, fieldErrors } : { status: 'refused', message };
}

/** Statuses that will never succeed for the same body: drop the payload and tell the patient. */
const PERMANENT = new Set([400, 401, 403, 409, 413, 415, 422]);

async function post(payload: LogPayload): Promise<LogResult> {
  const controller = typeof AbortController === 'undefined' ? null : new AbortController();
  const timer = controller ? setTimeout(() => controller.abort(), SEND_TIMEOUT_MS) : undefined;
  try {
    const res = await fetch(LOG_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
      signal: controller?.signal,
    });
    const parsed: unknown = await res.json().catch(() => null);
    const body = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
    if (res.ok) {
      const status = body?.status;
      // A 2xx that isn't our JSON (a captive portal, a login page) is not a delivery: keep it.
      if (status !== 'recorded' && status !== 'duplicate') return QUEUED;
      const redFlags = Array.isArray(body?.redFlags)
        ? body.redFlags.filter((f): f is string => typeof f === 'string')
        : [];
      return { status, redFlags };
    }
    if (PERMANENT.has(res.status)) return refusal(res.status, body);
    if (res.status === 429) return { status: 'queued', retryAt: Date.now() + waitOf(res.headers.get('Retry-After')) };
    return QUEUED; // 408, 404, 5xx…: may work later
  } catch {
    return QUEUED; // offline, DNS, aborted by the timeout
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/**
 * POSTs one log once. Delivered (2xx) → removed from the queue; refused (400/401/403/409/413/415/422) →
 * removed, with the reason; anything else (network error, timeout, 429, 5xx) → kept queued. While
 * the server has asked the phone to wait (429), the log is only queued, not sent. Never throws.
 */
export async function deliver(payload: LogPayload): Promise<LogResult> {
  const key = payload.idempotencyKey;
  if (waiting()) {
    enqueue(payload);
    const held: LogResult = { status: 'queued', retryAt: retryAt ?? undefined };
    results.set(key, held);
    changed();
    return held;
  }
  const wasWaiting = read().some((p) => p.idempotencyKey === key);
  inFlight.add(key);
  if (!wasWaiting) firstAttempt.add(key);
  enqueue(payload);
  let result: LogResult = QUEUED;
  try {
    result = await post(payload);
  } finally {
    inFlight.delete(key);
    firstAttempt.delete(key);
    if (result.status === 'recorded' || result.status === 'duplicate') {
      if (wasWaiting) lastDeliveredAt = Date.now();
      retryAt = null;
      remove(key);
    } else if (result.status === 'refused') {
      remove(key);
    } else {
      enqueue(payload); // in case another tab removed it meanwhile
      if (result.status === 'queued' && result.retryAt !== undefined) waitUntil(result.retryAt);
    }
    results.set(key, result);
    changed();
  }
  return result;
}

let flushing: Promise<number> | null = null;

async function flushOnce(): Promise<number> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return 0;
  if (waiting()) return 0;
  let delivered = 0;
  for (const p of pending()) {
    if (inFlight.has(p.idempotencyKey)) continue;
    // Another tab may have sent it while we were waiting on the previous one.
    if (!read().some((q) => q.idempotencyKey === p.idempotencyKey)) continue;
    const result = await deliver(p);
    if (result.status === 'recorded' || result.status === 'duplicate') delivered += 1;
    // Still offline or the server is busy: the rest would fail the same way; try again later.
    else if (result.status === 'queued') break;
  }
  return delivered;
}

/**
 * Sends the waiting logs once each, oldest first, and resolves to how many were delivered. Stops
 * at the first one that can't be delivered yet. Calls while a flush runs share that flush.
 */
export function flush(): Promise<number> {
  if (flushing) return flushing;
  const run = flushOnce().catch(() => 0);
  flushing = run;
  const clear = () => {
    if (flushing === run) flushing = null;
  };
  void run.then(clear, clear);
  return run;
}
