import { afterEach, describe, expect, it } from 'vitest';
import { markStopping } from '@/lib/http/shutdown';
import { GET } from './route';

const g = globalThis as { __rollcallStopping?: boolean };
afterEach(() => {
  delete g.__rollcallStopping;
});

describe('GET /api/health', () => {
  it('answers 200 with migrations current and the database writable', async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok', writable: true, migrations: 'current' });
  });

  it('answers 503 once the server has begun to shut down', async () => {
    markStopping();
    const res = await GET();
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'stopping' });
  });
});
