import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type LogPayload, sessionLogSchema } from '@/lib/patient-portal/log-contract';
import { enqueue, pending, remove, STORAGE_KEY } from './offline-queue';

// The phone's localStorage, as a browser gives it (only while a test runs: PGlite, opened by the
// test setup, takes a global `window` for a browser).
const stored = new Map<string, string>();
const localStorage = {
  getItem: (k: string) => stored.get(k) ?? null,
  setItem: (k: string, v: string) => void stored.set(k, v),
  removeItem: (k: string) => void stored.delete(k),
};

const log = (patch: Partial<LogPayload> = {}): LogPayload => ({
  idempotencyKey: crypto.randomUUID(),
  performedAt: new Date().toISOString(),
  itemsDone: [crypto.randomUUID()],
  painBefore: 3,
  painAfter: 4,
  symptoms: ['tingling'],
  note: 'Felt fine',
  ...patch,
});

beforeEach(() => {
  vi.stubGlobal('window', { localStorage });
  for (const p of pending()) remove(p.idempotencyKey);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('logs kept on the phone', () => {
  it('keeps every stored log the server would accept, and drops entries of another shape', () => {
    const { symptoms: _s, note: _n, ...bare } = log();
    const accepted = [log(), bare];
    const other = [
      { ...log(), painBefore: '3' },
      { ...log(), symptoms: ['dizzy'] },
      { ...log(), itemsDone: 'all' },
      { ...log(), idempotencyKey: undefined },
      { ...log(), note: 5 },
      null,
      'text',
    ];
    for (const p of accepted) expect(sessionLogSchema.safeParse(p).success).toBe(true);
    for (const p of other) expect(sessionLogSchema.safeParse(p).success).toBe(false);
    stored.set(STORAGE_KEY, JSON.stringify([...accepted, ...other]));
    expect(pending()).toEqual(accepted);
  });

  it('stores only the contract’s fields, once per idempotency key', () => {
    const payload = log();
    const withExtra = { ...payload, deviceName: 'Maria’s phone' };
    enqueue(withExtra);
    enqueue({ ...payload, painAfter: 9 });
    expect(pending()).toEqual([payload]);
    expect(stored.get(STORAGE_KEY)).not.toContain('deviceName');
  });
});
